package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.ledger.LedgerPolicy;
import com.bounceledger.ledger.LedgerRules;

/**
 * A bucket's ledger read as key ranges or by lookups gives the same states, and also holds the suspensions that end;
 * writes insert new rows and update stored ones, and keep the suspensions in force; an engagement alone is stored
 * without a status row.
 */
class LedgerRepositoryTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant NO_SUSPENSION_ENDS = Instant.EPOCH;
    /** Status rows per bucket that make a bucket read its statuses as a range, or look them up by hash. */
    private static final long RANGES = 0;
    private static final long LOOKUPS = Long.MAX_VALUE;

    @TempDir
    Path folder;

    private StateDatabase state;
    private JdbcTemplate jdbc;
    private LedgerRepository repository;

    @AfterEach
    void closeLedger() {
        state.close();
    }

    @BeforeEach
    void createLedger() {
        state = new StateDatabase(folder);
        jdbc = state.jdbc;
        repository = new LedgerRepository(jdbc, 2);
    }

    @Test
    void aBucketsLedgerReadAsRangesOrByLookupsHoldsTheSameStates() {
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
            if (i % 4 == 0) { // engaged, with statuses
                storeEngagement("acme", address, i);
            }
            if (i % 5 == 0) { // engaged, without statuses
                storeEngagement("yonder", address, i);
                stored.add(new String[] {"yonder", address});
            }
        }
        assertThat(rowsOf("address_state")).isEqualTo(1200 + 400 + 24);
        assertThat(repository.statusCount()).isEqualTo(1200 + 400 + 24);
        assertThat(state.engagements()).hasSize(300 + 240);

        long from = AddressHash.bucketStart(1, 4);
        long to = AddressHash.bucketStart(2, 4);
        // Addresses of the bucket, stored or not, and one of another bucket that the range must not return.
        Set<String> wanted = IntStream.range(0, 1500).mapToObj(i -> "user" + i + "@example.com")
                .filter(a -> AddressHash.of(a) >= from && AddressHash.of(a) < to)
                .filter(a -> a.hashCode() % 2 == 0)
                .collect(Collectors.toSet());

        List<String> byLookup = rows(repository.statesOf(wanted), wanted);
        List<String> byRange = rows(repository.bucketLedger(from, to, wanted, NO_SUSPENSION_ENDS, RANGES), wanted);
        List<String> byLookups = rows(repository.bucketLedger(from, to, wanted, NO_SUSPENSION_ENDS, LOOKUPS), wanted);

        assertThat(byRange).isEqualTo(byLookup).isEqualTo(byLookups);
        long expected = stored.stream().filter(row -> wanted.contains(row[1])).count();
        assertThat(byRange).hasSize((int) expected).isNotEmpty();
        assertThat(byRange).anyMatch(row -> row.startsWith("engaged 2026") && row.contains("statuses stored"))
                .anyMatch(row -> row.startsWith("engaged 2026") && row.contains("statuses new"))
                .anyMatch(row -> row.startsWith("never engaged"));

        // Every address of every bucket, looked up in four statements' worth of hashes (the last one padded).
        Set<String> everyone = IntStream.range(0, 1800).mapToObj(i -> "user" + i + "@example.com")
                .collect(Collectors.toSet());
        List<String> everyoneByLookups = rows(repository.bucketLedger(0, AddressHash.SPACE, everyone,
                NO_SUSPENSION_ENDS, LOOKUPS), everyone);
        assertThat(everyoneByLookups).hasSize(stored.size()).isEqualTo(rows(repository.bucketLedger(0,
                AddressHash.SPACE, everyone, NO_SUSPENSION_ENDS, RANGES), everyone));
    }

    @Test
    void aTableIsLookedUpOnceItHoldsMoreRowsPerBucketThanTheLookupCostTimesTheAddresses() {
        assertThat(repository.looksUp(12_000, 6_000)).isFalse();
        assertThat(repository.looksUp(12_001, 6_000)).isTrue();
        assertThat(repository.looksUp(1, 0)).isTrue();
    }

    @Test
    void storedStatesAreUpdatedAndNewOnesInserted() {
        store("acme", "ann@example.com", 1);
        AddressLedger ledger = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        assertThat(ledger.find("acme", "ann@example.com").stored()).isTrue();
        AddressState bob = ledger.state("acme", "bob@example.com");
        assertThat(bob.stored()).isFalse();

        // Ann as read from the ledger (an update: an insert would break the key), Bob new (an insert: an update
        // would find no row).
        repository.saveStates(List.of(softBounced(ledger.find("acme", "ann@example.com")), softBounced(bob)));

        AddressLedger read = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        assertThat(read.find("acme", "ann@example.com").softBounceCount()).isEqualTo(2); // 1 stored, 1 more
        assertThat(read.find("acme", "bob@example.com").softBounceCount()).isEqualTo(1);
        assertThat(rowsOf("address_state")).isEqualTo(2);
    }

    @Test
    void anEngagementAloneWritesNoStatusRow() {
        LedgerRules rules = new LedgerRules(LedgerPolicy.defaults());
        AddressLedger first = repository.statesOf(Set.of("cat@example.com"));
        rules.apply(first, engagement("cat@example.com", AT), new ArrayList<>());
        repository.saveStates(first.changed());

        assertThat(rowsOf("address_state")).isZero();
        AddressLedger second = repository.statesOf(Set.of("cat@example.com"));
        AddressState cat = second.find("acme", "cat@example.com");
        assertThat(cat.lastEngagedAt()).isEqualTo(AT);
        assertThat(cat.stored()).isFalse();

        // A later open moves the stored time; an earlier one, which the rules do not record, would not.
        rules.apply(second, engagement("cat@example.com", AT.plusSeconds(3600)), new ArrayList<>());
        repository.saveStates(second.changed());
        assertThat(repository.statesOf(Set.of("cat@example.com")).find("acme", "cat@example.com").lastEngagedAt())
                .isEqualTo(AT.plusSeconds(3600));
        assertThat(state.engagements()).containsExactly("acme,cat@example.com," + AT.plusSeconds(3600));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBucketsLedgerAlsoHoldsTheSuspensionsThatEndByTheGivenTime(boolean lookedUp) {
        storeSuspension("ann@example.com", AT);
        storeSuspension("bob@example.com", AT.plusSeconds(1));
        store("acme", "cat@example.com", 1);
        storeSuspension("eve@example.com", AT.minusSeconds(1));

        AddressLedger ledger = repository.bucketLedger(0, AddressHash.SPACE,
                Set.of("dan@example.com", "eve@example.com"), AT, lookedUp ? LOOKUPS : RANGES);

        assertThat(ledger.find("acme", "ann@example.com").suspendedUntil()).isEqualTo(AT);
        assertThat(ledger.find("acme", "bob@example.com")).isNull(); // ends later
        assertThat(ledger.find("acme", "cat@example.com")).isNull(); // not suspended
        assertThat(ledger.find("acme", "dan@example.com")).isNull(); // wanted, never stored
        assertThat(ledger.find("acme", "eve@example.com").suspendedUntil()).isEqualTo(AT.minusSeconds(1)); // both
    }

    @Test
    void theSuspensionsInForceFollowTheStatusesWritten() {
        LedgerRules rules = new LedgerRules(LedgerPolicy.defaults());
        AddressLedger first = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        rules.apply(first, blocked("ann@example.com", AT), new ArrayList<>());
        rules.apply(first, blocked("bob@example.com", AT), new ArrayList<>());
        repository.saveStates(first.changed());
        Instant suspendedUntil = AT.plus(LedgerPolicy.defaults().suspension());
        assertThat(suspensionsInForce()).containsExactly("ann@example.com," + suspendedUntil,
                "bob@example.com," + suspendedUntil);

        // Ann's suspension extended (still in force), Bob's expired.
        AddressLedger second = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        rules.apply(second, blocked("ann@example.com", AT.plusSeconds(3600)), new ArrayList<>());
        Instant bobEnds = second.find("acme", "bob@example.com").suspendedUntil();
        AddressLedger bobOnly = new AddressLedger();
        bobOnly.add(second.find("acme", "bob@example.com"));
        rules.expireSuspensions(bobOnly, bobEnds, new ArrayList<>());
        repository.saveStates(second.changed());

        assertThat(second.find("acme", "ann@example.com").suspendedUntil()).isAfter(AT.plusSeconds(3600));
        assertThat(suspensionsInForce()) // the extended end
                .containsExactly("ann@example.com," + AT.plusSeconds(3600).plus(LedgerPolicy.defaults().suspension()));
        // Bob has no status left: his row is deleted rather than kept empty.
        assertThat(jdbc.queryForList("SELECT address FROM address_state", String.class))
                .containsExactly("ann@example.com");
        assertThat(repository.bucketLedger(0, AddressHash.SPACE, Set.of(), bobEnds.plusSeconds(86_400), LOOKUPS)
                .find("acme", "ann@example.com")).isNotNull();
    }

    @Test
    void aStateLeftWithoutAnyStatusIsDeletedIfStoredAndNotWrittenIfNew() {
        LedgerRules rules = new LedgerRules(LedgerPolicy.defaults());
        store("acme", "ann@example.com", 1); // one soft bounce, no other status
        AddressLedger ledger = repository.statesOf(Set.of("ann@example.com", "bob@example.com"));
        // Both soft-bounce, then both are delivered to: the delivery clears the soft bounces.
        softBounced(ledger.state("acme", "bob@example.com"));
        rules.apply(ledger, delivered("ann@example.com", AT.plusSeconds(60)), new ArrayList<>());
        rules.apply(ledger, delivered("bob@example.com", AT.plusSeconds(60)), new ArrayList<>());
        assertThat(ledger.changed()).extracting(AddressState::address)
                .containsExactlyInAnyOrder("ann@example.com", "bob@example.com");

        repository.saveStates(ledger.changed());

        assertThat(rowsOf("address_state")).isZero();
        assertThat(repository.statesOf(Set.of("ann@example.com")).find("acme", "ann@example.com")).isNull();
    }

    @Test
    void theStatusCountFollowsInsertsAndDeletesAndIsKeptAcrossAReopen() throws IOException {
        Path stateDir = folder.resolve("job-state");
        LedgerRules rules = new LedgerRules(LedgerPolicy.defaults());
        Set<String> addresses = IntStream.range(0, 300).mapToObj(i -> "user" + i + "@example.com")
                .collect(Collectors.toSet());
        List<String> blockedAgain = addresses.stream().filter(a -> AddressHash.of(a) % 3 != 0).toList();
        try (StateDatabase jobState = StateDatabase.withJobSettings(stateDir)) {
            LedgerRepository ledgerRepository = new LedgerRepository(jobState.jdbc, 2);
            AddressLedger first = ledgerRepository.statesOf(addresses);
            addresses.forEach(a -> rules.apply(first, blocked(a, AT), new ArrayList<>()));
            ledgerRepository.saveStates(first.changed());
            assertThat(ledgerRepository.statusCount()).isEqualTo(300);

            // Every suspension ends and about two thirds are blocked again: the rest, left without any status,
            // have their rows deleted.
            AddressLedger second = ledgerRepository.statesOf(addresses);
            Instant suspensionsEnd = AT.plus(LedgerPolicy.defaults().suspension());
            rules.expireSuspensions(second, suspensionsEnd, new ArrayList<>());
            blockedAgain.forEach(a -> rules.apply(second, blocked(a, suspensionsEnd.plusSeconds(60)),
                    new ArrayList<>()));
            ledgerRepository.saveStates(second.changed());
            assertThat(blockedAgain).hasSizeBetween(150, 250);
            assertThat(rowsOf(jobState.jdbc, "address_state")).isEqualTo(blockedAgain.size());
            assertThat(ledgerRepository.statusCount()).isEqualTo(blockedAgain.size());
        }
        try (StateDatabase reopened = StateDatabase.withJobSettings(stateDir)) {
            assertThat(new LedgerRepository(reopened.jdbc, 2).statusCount())
                    .isEqualTo(rowsOf(reopened.jdbc, "address_state")).isEqualTo(blockedAgain.size());
        }
    }

    private static ClassifiedEvent delivered(String address, Instant at) {
        return new ClassifiedEvent(new DeliveryEvent(at, "acme", "spring", "m4", address, EventType.DELIVERED, null,
                null, null, null, null, false), null);
    }

    /** The suspensions in force as their shards hold them, {@code address,suspendedUntil}. */
    private List<String> suspensionsInForce() {
        return state.suspensions().stream().map(entry -> entry.substring(entry.indexOf(',') + 1)).toList();
    }

    private static ClassifiedEvent blocked(String address, Instant at) {
        return new ClassifiedEvent(new DeliveryEvent(at, "acme", "spring", "m3", address, EventType.BOUNCED, null,
                null, "blocked by policy", null, null, false),
                new Classification(Reason.BLOCKED, BounceGroup.BLOCK, "test"));
    }

    /** A suspended row as a previous day left it: in the status table and among the suspensions in force. */
    private void storeSuspension(String address, Instant until) {
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, suspended_since, suspended_until,
                                           suspended_reason)
                VALUES ('acme', ?, ?, ?, ?, 'blocked')""", address, AddressHash.of(address),
                until.minusSeconds(86_400).atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC));
        AddressShards.suspensions(jdbc).save(List.of(new AddressShards.Entry(
                new LedgerRepository.AddressKey("acme", address), until)));
    }

    private long rowsOf(String table) {
        return rowsOf(jdbc, table);
    }

    private static long rowsOf(JdbcTemplate database, String table) {
        return database.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static ClassifiedEvent engagement(String address, Instant at) {
        return new ClassifiedEvent(new DeliveryEvent(at, "acme", "spring", "m1", address, EventType.OPENED, null, null,
                null, null, null, false), null);
    }

    /** A stored row, written as a previous day left it. */
    private String[] store(String account, String address, int i) {
        jdbc.update("""
                INSERT INTO address_state (account, address, addr_hash, invalid_since, invalid_reason, soft_count)
                VALUES (?, ?, ?, ?, ?, ?)""", account, address, AddressHash.of(address),
                i % 2 == 0 ? AT.atOffset(ZoneOffset.UTC) : null, i % 2 == 0 ? "userunknown" : null, i % 7);
        return new String[] {account, address};
    }

    private void storeEngagement(String account, String address, int i) {
        AddressShards.engagements(jdbc).save(List.of(new AddressShards.Entry(
                new LedgerRepository.AddressKey(account, address), AT.minusSeconds(i))));
    }

    private static AddressState softBounced(AddressState state) {
        new LedgerRules(LedgerPolicy.defaults()).apply(wrap(state), new ClassifiedEvent(new DeliveryEvent(AT,
                state.account(), "spring", "m2", state.address(), EventType.BOUNCED, null, null, "mailbox full", null,
                null, false), new Classification(Reason.MAILBOXFULL, BounceGroup.SOFT, "test")), new ArrayList<>());
        return state;
    }

    private static AddressLedger wrap(AddressState state) {
        AddressLedger ledger = new AddressLedger();
        ledger.add(state);
        return ledger;
    }

    private static List<String> rows(AddressLedger ledger, Set<String> addresses) {
        return addresses.stream().sorted()
                .flatMap(a -> List.of("acme", "zenith", "yonder", AddressState.ALL_ACCOUNTS).stream()
                        .map(account -> ledger.find(account, a)))
                .filter(s -> s != null)
                .map(s -> (s.lastEngagedAt() != null ? "engaged " + s.lastEngagedAt() : "never engaged")
                        + ", statuses " + (s.stored() ? "stored " : "new ") + s.toRecord())
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
