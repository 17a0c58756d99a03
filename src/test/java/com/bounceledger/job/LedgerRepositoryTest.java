package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.AddressRecord;
import com.bounceledger.ledger.AddressState;

/** The two ways settlement reads a bucket's ledger rows give the same states; writes insert new rows and update stored ones. */
class LedgerRepositoryTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path folder;

    private LedgerRepository repository;
    private JdbcTemplate jdbc;

    private SingleConnectionDataSource dataSource;

    @AfterEach
    void closeLedger() {
        dataSource.destroy();
    }

    @BeforeEach
    void createLedger() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + folder.resolve("ledger") + ";hsqldb.lock_file=false", "SA", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        repository = new LedgerRepository(jdbc);
    }

    @Test
    void aRangeReadAndLookupsByHashFindTheSameStates() {
        List<String[]> stored = new ArrayList<>();
        for (int i = 0; i < 1200; i++) { // two accounts for some addresses, and global rows for some
            String address = "user" + i + "@example.com";
            stored.add(store("acme", address, i));
            if (i % 3 == 0) {
                stored.add(store("zenith", address, i));
            }
            if (i % 50 == 0) {
                stored.add(store(AddressState.ALL_ACCOUNTS, address, i));
            }
        }
        assertThat(repository.countStates()).isEqualTo(1200 + 400 + 24);

        long from = AddressHash.bucketStart(1, 4);
        long to = AddressHash.bucketStart(2, 4);
        // Addresses of the bucket, stored or not, and one of another bucket that the range must not return.
        Set<String> wanted = IntStream.range(0, 1500).mapToObj(i -> "user" + i + "@example.com")
                .filter(a -> AddressHash.of(a) >= from && AddressHash.of(a) < to)
                .filter(a -> a.hashCode() % 2 == 0)
                .collect(Collectors.toSet());

        List<String> byLookup = rows(repository.statesOf(wanted), wanted);
        List<String> byRange = rows(repository.statesInRange(from, to, wanted), wanted);

        assertThat(byRange).isEqualTo(byLookup);
        long expected = stored.stream().filter(row -> wanted.contains(row[1])).count();
        assertThat(byRange).hasSize((int) expected).isNotEmpty();
    }

    @Test
    void storedStatesAreUpdatedAndNewOnesInserted() {
        store("acme", "ann@example.com", 1);
        AddressLedger ledger = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        assertThat(ledger.find("acme", "ann@example.com").stored()).isTrue();
        AddressState bob = ledger.state("acme", "bob@example.com");
        assertThat(bob.stored()).isFalse();

        // Ann again as read from the ledger (an update: an insert would break the key), Bob new (an insert:
        // an update would find no row).
        AddressState annWithFiveSoftBounces = new AddressState(withSoftCount(ledger.find("acme", "ann@example.com"), 5));
        repository.saveStates(List.of(annWithFiveSoftBounces, bob));

        AddressLedger read = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        assertThat(read.find("acme", "ann@example.com").softBounceCount()).isEqualTo(5);
        assertThat(read.find("acme", "bob@example.com")).isNotNull();
        assertThat(repository.countStates()).isEqualTo(2);
    }

    /** A stored row, written as a previous day left it. */
    private String[] store(String account, String address, int i) {
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, invalid_since, invalid_reason, last_engaged_at,
                                           soft_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", account, address, AddressHash.of(address),
                i % 2 == 0 ? AT.atOffset(ZoneOffset.UTC) : null, i % 2 == 0 ? "userunknown" : null,
                AT.minusSeconds(i).atOffset(ZoneOffset.UTC), i % 7);
        return new String[] {account, address};
    }

    private static AddressRecord withSoftCount(AddressState state, int count) {
        AddressRecord r = state.toRecord();
        return new AddressRecord(r.account(), r.address(), r.invalidSince(), r.invalidReason(), r.invalidCause(),
                r.suspendedSince(), r.suspendedUntil(), r.suspendedReason(), r.complainedAt(), r.unsubscribedAt(),
                r.lastEngagedAt(), r.hardExcusedAt(), count, r.softCampaigns(), r.softLastReason(), r.manualSince(),
                r.manualNote());
    }

    private static List<String> rows(AddressLedger ledger, Set<String> addresses) {
        return addresses.stream().sorted()
                .flatMap(a -> List.of("acme", "zenith", AddressState.ALL_ACCOUNTS).stream()
                        .map(account -> ledger.find(account, a)))
                .filter(s -> s != null)
                .map(s -> s.toRecord().toString())
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
