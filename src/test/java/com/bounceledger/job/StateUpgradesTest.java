package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.bounceledger.ingest.AddressHash;

/**
 * A state database from before the suspension shards gets its suspensions in force packed into them from the
 * ledger, once, whether it kept them in {@code address_suspension} or nowhere else. The engagement rows of an
 * earlier build are packed into shards, and the ledger rows it kept without any status are deleted.
 */
class StateUpgradesTest {

    @TempDir
    Path folder;

    private StateDatabase state;
    private JdbcTemplate jdbc;
    private StateUpgrades upgrades;

    @BeforeEach
    void openState() {
        state = new StateDatabase(folder);
        jdbc = state.jdbc;
        upgrades = new StateUpgrades(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(state.dataSource)));
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    /** Builds before 206d224 kept the suspensions in force in address_state alone. */
    @Test
    void theSuspensionsOfADatabaseFromBeforeAnySuspensionTableArePackedIntoShards() {
        jdbc.update("DROP TABLE suspension_shard");
        jdbc.update("DROP TABLE state_upgrade");
        storeStatus("acme", "sam@block.example", "2026-11-03 10:00:00+00:00");
        storeStatus("acme", "hugo@hard.example", null);
        storeStatus("other", "sam@block.example", "2026-11-04 09:00:00+00:00");

        state.createSchema(); // what a launch of this build does first: the new tables come empty
        upgrades.apply();

        assertThat(state.suspensions()).containsExactly("acme,sam@block.example,2026-11-03T10:00:00Z",
                "other,sam@block.example,2026-11-04T09:00:00Z");
        assertThat(jdbc.queryForList("SELECT name FROM state_upgrade", String.class))
                .containsExactlyInAnyOrder("suspension_shard from address_state",
                        "engagement_shard from address_engagement", "address_state without statuses removed",
                        "input_file.checksum optional");
    }

    /** An earlier build took every input file's checksum at the first attempt; this one records none. */
    @Test
    void theInputFileChecksumOfAnEarlierBuildBecomesOptional() {
        jdbc.update("DELETE FROM state_upgrade");
        jdbc.update("ALTER TABLE input_file ALTER COLUMN checksum SET NOT NULL");
        jdbc.update("DROP TABLE input_read");

        state.createSchema();
        upgrades.apply();
        // A launch killed after the DDL, which commits by itself, and before the upgrade's row: applied again.
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'input_file.checksum optional'");
        upgrades.apply();

        jdbc.update("INSERT INTO input_file (run_date, file_index, file_name, size_bytes) VALUES (DATE '2026-11-21', 0,"
                + " 'a.csv', 10)");
        jdbc.update("INSERT INTO input_read (run_date, file_index, read_bytes, checksum) VALUES (DATE '2026-11-21', 0,"
                + " 0, 0)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_file WHERE checksum IS NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aLedgerRowHoldingAnyOneStatusColumnIsKeptByTheUpgrade() {
        List<String[]> statusColumns = jdbc.query("""
                SELECT column_name, data_type FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'ADDRESS_STATE'
                AND column_name NOT IN ('ACCOUNT', 'ADDRESS', 'ADDR_HASH') ORDER BY ordinal_position""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        assertThat(statusColumns).hasSize(14);
        for (String[] column : statusColumns) { // one row per column, holding that status alone
            String address = column[0].toLowerCase() + "@example.com";
            String value = switch (column[1]) {
                case "INTEGER" -> "1";
                case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP '2026-11-02 09:00:00+00:00'";
                default -> "'x'";
            };
            jdbc.update("INSERT INTO address_state (account, address, addr_hash, " + column[0] + ") VALUES (?, ?, ?, "
                    + value + ")", "acme", address, AddressHash.of(address));
        }
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'address_state without statuses removed'");

        upgrades.apply();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM address_state", Integer.class))
                .isEqualTo(statusColumns.size());
    }

    @Test
    void theLedgerRowsWithoutAnyStatusThatAnEarlierBuildKeptAreDeleted() {
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'address_state without statuses removed'");
        storeStatus("acme", "sam@block.example", "2026-11-03 10:00:00+00:00");
        storeStatus("acme", "hugo@hard.example", null);
        jdbc.update("INSERT INTO address_state (account, address, addr_hash) VALUES (?, ?, ?)", // a suspension ended
                "acme", "tia@block.example", AddressHash.of("tia@block.example"));
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, soft_count, soft_campaigns, soft_last_reason)
                VALUES (?, ?, ?, 1, 'x1', 'mailbox_full')""", "acme", "pat@soft.example",
                AddressHash.of("pat@soft.example"));
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, hard_excused_at)
                VALUES (?, ?, ?, TIMESTAMP '2026-11-02 09:00:00+00:00')""", "acme", "una@engaged.example",
                AddressHash.of("una@engaged.example"));

        upgrades.apply();

        assertThat(jdbc.queryForList("SELECT address FROM address_state ORDER BY address", String.class))
                .containsExactly("hugo@hard.example", "pat@soft.example", "sam@block.example", "una@engaged.example");
    }

    @Test
    void anUpgradeRunsOnceADatabase() {
        upgrades.apply();
        // A suspension in address_state alone is now not an old one to pack; the next launch does not read the table.
        storeStatus("acme", "sam@block.example", "2026-11-03 10:00:00+00:00");

        upgrades.apply();

        assertThat(state.suspensions()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM state_upgrade", Integer.class))
                .isEqualTo(StateUpgrades.UPGRADES.size());
    }

    /** Builds from 206d224 kept them in address_suspension too, a row each, which the upgrade drops. */
    @Test
    void theSuspensionsOfADatabaseWithTheSuspensionTableArePackedAndTheTableDropped() {
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'suspension_shard from address_state'");
        jdbc.update("""
                CREATE CACHED TABLE address_suspension (addr_hash BIGINT NOT NULL, account VARCHAR(200) NOT NULL,
                    address VARCHAR(254) NOT NULL, PRIMARY KEY (addr_hash, account, address))""");
        storeStatus("acme", "sam@block.example", "2026-11-03 10:00:00+00:00");
        jdbc.update("INSERT INTO address_suspension (addr_hash, account, address) VALUES (?, ?, ?)",
                AddressHash.of("sam@block.example"), "acme", "sam@block.example");

        upgrades.apply();

        assertThat(state.suspensions()).containsExactly("acme,sam@block.example,2026-11-03T10:00:00Z");
        assertThat(tableExists("ADDRESS_SUSPENSION")).isFalse();
    }

    @Test
    void packingTheSuspensionsAgainAfterAKilledLaunchGivesTheLedgersSuspensions() {
        storeStatus("acme", "sam@block.example", "2026-11-03 10:00:00+00:00");
        storeStatus("acme", "tia@block.example", "2026-11-04 09:00:00+00:00");
        // As a launch killed after the table's drop committed the packed shards, and before the upgrade's row:
        // packed again, Sam's suspension must replace itself, not come twice.
        AddressShards.suspensions(jdbc).save(List.of(new AddressShards.Entry(
                new LedgerRepository.AddressKey("acme", "sam@block.example"), Instant.parse("2026-11-03T10:00:00Z"))));
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'suspension_shard from address_state'");

        upgrades.apply();

        assertThat(state.suspensions()).containsExactly("acme,sam@block.example,2026-11-03T10:00:00Z",
                "acme,tia@block.example,2026-11-04T09:00:00Z");
    }

    @Test
    void theEngagementRowsOfAnEarlierBuildArePackedIntoShardsAndTheirTableDropped() {
        jdbc.update("DROP TABLE state_upgrade");
        createEngagementTableOfAnEarlierBuild();
        storeEngagementRow("acme", "ann@example.com", "2026-11-20 08:00:00.5+00:00");
        storeEngagementRow("zenith", "ann@example.com", "2026-11-19 08:00:00+00:00");
        storeEngagementRow("acme", "bob@example.com", "2026-11-18 08:00:00+00:00");

        state.createSchema();
        upgrades.apply();

        assertThat(state.engagements()).containsExactly("acme,ann@example.com,2026-11-20T08:00:00.500Z",
                "acme,bob@example.com,2026-11-18T08:00:00Z", "zenith,ann@example.com,2026-11-19T08:00:00Z");
        assertThat(tableExists("ADDRESS_ENGAGEMENT")).isFalse();
    }

    @Test
    void packingTheEngagementRowsAgainAfterAKilledLaunchChangesNothing() {
        createEngagementTableOfAnEarlierBuild();
        storeEngagementRow("acme", "ann@example.com", "2026-11-20 08:00:00+00:00");
        // As a launch killed after the copy committed and before the table was dropped left it.
        AddressShards.engagements(jdbc).save(List.of(new AddressShards.Entry(
                new LedgerRepository.AddressKey("acme", "ann@example.com"), Instant.parse("2026-11-20T08:00:00Z"))));
        jdbc.update("DELETE FROM state_upgrade WHERE name = 'engagement_shard from address_engagement'");

        upgrades.apply();

        assertThat(state.engagements()).containsExactly("acme,ann@example.com,2026-11-20T08:00:00Z");
        assertThat(tableExists("ADDRESS_ENGAGEMENT")).isFalse();
    }

    private void createEngagementTableOfAnEarlierBuild() {
        jdbc.update("""
                CREATE CACHED TABLE address_engagement (
                    addr_hash BIGINT NOT NULL, account VARCHAR(200) NOT NULL, address VARCHAR(254) NOT NULL,
                    last_engaged_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (addr_hash, account, address))""");
    }

    private void storeEngagementRow(String account, String address, String lastEngagedAt) {
        jdbc.update("""
                INSERT INTO address_engagement (addr_hash, account, address, last_engaged_at)
                VALUES (?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                AddressHash.of(address), account, address, lastEngagedAt);
    }

    private boolean tableExists(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?",
                Integer.class, name) > 0;
    }

    /** A suspended status, or an invalid one without {@code suspendedUntil}. */
    private void storeStatus(String account, String address, String suspendedUntil) {
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, invalid_since, suspended_until)
                VALUES (?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                account, address, AddressHash.of(address),
                suspendedUntil == null ? "2026-11-01 09:00:00+00:00" : null, suspendedUntil);
    }

}
