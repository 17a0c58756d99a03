package com.bounceledger.job;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Brings a state database written by an earlier build up to this one before the job runs. {@code schema.sql}
 * adds a new table empty to such a database ({@code CREATE TABLE IF NOT EXISTS}); an upgrade fills it from the
 * tables that held its data before. Each upgrade runs in one transaction with its row of {@code state_upgrade}
 * and only until that row is there. An upgrade is idempotent, so that a launch killed midway, even after a
 * statement that commits by itself (DDL), leaves it whole to the next one. On a new database it copies nothing.
 */
public class StateUpgrades {

    private static final Logger log = LoggerFactory.getLogger(StateUpgrades.class);

    /** A data upgrade: its name in {@code state_upgrade}, and what it does, returning the rows it moved. */
    record Upgrade(String name, ToIntFunction<JdbcTemplate> apply) {
    }

    /** In the order they apply. */
    static final List<Upgrade> UPGRADES = List.of(
            // The engagements had a row each in address_engagement before they were packed into shards.
            new Upgrade("engagement_shard from address_engagement", StateUpgrades::packEngagementRows),
            // Settlement used to keep a ledger row left without any status (AddressRecord.isEmpty), one for every
            // suspension that ended; it now deletes it.
            new Upgrade("address_state without statuses removed", jdbc -> jdbc.update("""
                    DELETE FROM address_state
                    WHERE invalid_since IS NULL AND invalid_reason IS NULL AND invalid_cause IS NULL
                      AND suspended_since IS NULL AND suspended_until IS NULL AND suspended_reason IS NULL
                      AND complained_at IS NULL AND unsubscribed_at IS NULL AND hard_excused_at IS NULL
                      AND soft_count = 0 AND soft_campaigns IS NULL AND soft_last_reason IS NULL
                      AND manual_since IS NULL AND manual_note IS NULL""")),
            // The first attempt used to read every input file through for its checksum; ingest now checksums what
            // it reads (input_read), and input_file.checksum is left null.
            new Upgrade("input_file.checksum optional", jdbc -> {
                jdbc.execute("ALTER TABLE input_file ALTER COLUMN checksum SET NULL");
                return 0;
            }),
            // Once settlement looks a bucket's statuses up by hash, it finds the suspensions that end in the
            // suspension shards; address_state holds every suspension in force, including those made before
            // 206d224, which kept them in a table of their own (address_suspension), a row each, and those made
            // before that, which it did not keep anywhere else.
            new Upgrade("suspension_shard from address_state", StateUpgrades::packSuspensions));

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    public StateUpgrades(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Applies the upgrades this database has not had yet. */
    public void apply() {
        Set<String> applied = new HashSet<>(jdbc.queryForList("SELECT name FROM state_upgrade", String.class));
        for (Upgrade upgrade : UPGRADES) {
            if (!applied.contains(upgrade.name())) {
                transactions.executeWithoutResult(status -> {
                    int rows = upgrade.apply().applyAsInt(jdbc);
                    jdbc.update("INSERT INTO state_upgrade (name, applied_at) VALUES (?, CURRENT_TIMESTAMP)",
                            upgrade.name());
                    if (rows > 0) {
                        log.info("State upgrade '{}': {} rows", upgrade.name(), rows);
                    }
                });
            }
        }
    }

    /**
     * Merges the rows of the old table into their shards, then drops the table. Merging keeps the later
     * engagement, so copying twice changes nothing.
     */
    private static int packEngagementRows(JdbcTemplate jdbc) {
        Integer tables = jdbc.queryForObject("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'ADDRESS_ENGAGEMENT'""", Integer.class);
        if (tables == 0) {
            return 0;
        }
        int rows = pack(jdbc, "SELECT addr_hash, account, address, last_engaged_at FROM address_engagement",
                AddressShards.engagements(jdbc));
        jdbc.execute("DROP TABLE address_engagement");
        return rows;
    }

    /**
     * Packs the suspensions in force from the ledger, then drops the old table. A suspension packed again replaces
     * itself, so a launch killed midway leaves shards that packing again makes whole.
     */
    private static int packSuspensions(JdbcTemplate jdbc) {
        int rows = pack(jdbc, """
                SELECT addr_hash, account, address, suspended_until FROM address_state
                WHERE suspended_until IS NOT NULL""", AddressShards.suspensions(jdbc));
        jdbc.execute("DROP TABLE address_suspension IF EXISTS");
        return rows;
    }

    /**
     * Saves rows of (address hash, account, address, instant), read in the order of the hash, into their shards
     * one shard at a time.
     */
    private static int pack(JdbcTemplate jdbc, String select, AddressShards shards) {
        List<AddressShards.Entry> shard = new ArrayList<>();
        int[] rows = {0};
        int[] currentShard = {-1};
        jdbc.query(select + " ORDER BY addr_hash", (RowCallbackHandler) rs -> {
            int shardOfRow = AddressShards.shardOf(rs.getLong(1));
            if (shardOfRow != currentShard[0]) {
                shards.save(shard);
                shard.clear();
                currentShard[0] = shardOfRow;
            }
            shard.add(new AddressShards.Entry(new LedgerRepository.AddressKey(rs.getString(2), rs.getString(3)),
                    rs.getObject(4, OffsetDateTime.class).toInstant()));
            rows[0]++;
        });
        shards.save(shard);
        return rows[0];
    }
}
