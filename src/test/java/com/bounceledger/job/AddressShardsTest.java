package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import com.bounceledger.ingest.AddressHash;

import static com.bounceledger.job.AddressShards.CHANGE_WINS;
import static com.bounceledger.job.AddressShards.LATER_WINS;

/**
 * Instants packed per shard: stored exactly; engagements merged keeping the later one, suspensions replaced or
 * removed; restored for the wanted addresses or a range of hashes; whole shards in every bucket.
 */
class AddressShardsTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00.123456789Z");

    @TempDir
    Path folder;

    private StateDatabase state;
    private JdbcTemplate jdbc;
    private AddressShards shards;

    @BeforeEach
    void createLedger() {
        state = new StateDatabase(folder);
        jdbc = state.jdbc;
        shards = AddressShards.engagements(jdbc);
    }

    @AfterEach
    void closeLedger() {
        state.close();
    }

    @Test
    void aShardDecodesToWhatWasEncodedInItsOrder() {
        Map<LedgerRepository.AddressKey, Instant> engagements = new LinkedHashMap<>();
        engagements.put(new LedgerRepository.AddressKey("zenith", "jürgen@bücher.example"), Instant.EPOCH);
        engagements.put(new LedgerRepository.AddressKey("acme", "ann@example.com"), AT);

        assertThat(decoded(AddressShards.merge(null, engagements, CHANGE_WINS))).containsExactlyEntriesOf(engagements);
    }

    @Test
    void mergingKeepsTheLaterEngagementAndAppendsTheNewAddresses() {
        byte[] stored = AddressShards.merge(null, Map.of(key("acme", "ann@example.com"), AT), LATER_WINS);
        stored = AddressShards.merge(stored, Map.of(key("acme", "bob@example.com"), AT), LATER_WINS);
        Map<LedgerRepository.AddressKey, Instant> changes = new LinkedHashMap<>();
        changes.put(key("acme", "bob@example.com"), AT.minusSeconds(60)); // earlier: a late file's replay
        changes.put(key("zenith", "ann@example.com"), AT);
        changes.put(key("acme", "ann@example.com"), AT.plusSeconds(60));

        assertThat(decoded(AddressShards.merge(stored, changes, LATER_WINS))).containsExactly(
                Map.entry(key("acme", "ann@example.com"), AT.plusSeconds(60)),
                Map.entry(key("acme", "bob@example.com"), AT),
                Map.entry(key("zenith", "ann@example.com"), AT));
    }

    @Test
    void savedEngagementsAreRestoredForTheWantedAddressesOnlyInEveryAccount() {
        List<AddressShards.Entry> everyone = new ArrayList<>(IntStream.range(0, 20_000)
                .mapToObj(i -> entry("acme", "user" + i + "@example.com", AT)).toList());
        everyone.add(entry("zenith", "user7@example.com", AT.minusSeconds(1)));
        shards.save(everyone);
        shards.save(List.of(entry("acme", "user7@example.com", AT.plusSeconds(1))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM engagement_shard", Integer.class))
                .isEqualTo(AddressShards.SHARDS);

        Map<LedgerRepository.AddressKey, Instant> restored = new LinkedHashMap<>();
        shards.restore(Set.of("user7@example.com", "user19999@example.com", "nobody@example.com"), restored::put);

        assertThat(restored).containsOnly(
                Map.entry(key("acme", "user7@example.com"), AT.plusSeconds(1)),
                Map.entry(key("zenith", "user7@example.com"), AT.minusSeconds(1)),
                Map.entry(key("acme", "user19999@example.com"), AT));
    }

    @Test
    void shardsWrittenAFewAtATimeHoldWhatShardsWrittenAllAtOnceHold() {
        List<AddressShards.Entry> everyone = IntStream.range(0, 5_000)
                .mapToObj(i -> entry("acme", "user" + i + "@example.com", AT)).toList();
        AddressShards oneShardABatch = shards.flushingEvery(1);
        oneShardABatch.save(everyone.subList(0, 3_000)); // inserts only
        oneShardABatch.save(everyone.subList(2_000, 5_000)); // updates and inserts, flushed after every shard

        Set<String> addresses = everyone.stream().map(e -> e.key().address()).collect(Collectors.toSet());
        Map<LedgerRepository.AddressKey, Instant> restored = new LinkedHashMap<>();
        shards.restore(addresses, restored::put);
        assertThat(restored).hasSize(5_000).allSatisfy((key, at) -> assertThat(at).isEqualTo(AT));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 32, 512, SpillLayout.MAX_BUCKETS})
    void everyBucketOfEveryDayHoldsWholeShards(int buckets) {
        for (int bucket = 0; bucket < buckets; bucket++) {
            long from = AddressHash.bucketStart(bucket, buckets);
            long to = AddressHash.bucketStart(bucket + 1, buckets);
            assertThat(AddressShards.shardOf(from)).isEqualTo(bucket * AddressShards.SHARDS / buckets);
            assertThat(AddressShards.shardOf(to - 1)).isEqualTo((bucket + 1) * AddressShards.SHARDS / buckets - 1);
        }
    }

    @Test
    void aSuspensionIsReplacedByItsChangeEvenAnEarlierOneAndRemovedByNone() {
        Map<LedgerRepository.AddressKey, Instant> changes = new LinkedHashMap<>();
        changes.put(key("acme", "ann@example.com"), AT);
        changes.put(key("acme", "bob@example.com"), AT);
        changes.put(key("acme", "cat@example.com"), AT);
        byte[] stored = AddressShards.merge(null, changes, CHANGE_WINS);
        changes.clear();
        changes.put(key("acme", "bob@example.com"), null); // ended
        changes.put(key("acme", "cat@example.com"), AT.minusSeconds(60)); // a manual change may move it earlier
        changes.put(key("acme", "dan@example.com"), null); // never stored: nothing to remove

        assertThat(decoded(AddressShards.merge(stored, changes, CHANGE_WINS))).containsExactly(
                Map.entry(key("acme", "ann@example.com"), AT),
                Map.entry(key("acme", "cat@example.com"), AT.minusSeconds(60)));
    }

    @Test
    void suspensionsSavedAndEndedAreReadBackByRangeOfHashes() {
        AddressShards suspensions = AddressShards.suspensions(jdbc);
        List<AddressShards.Entry> everyone = IntStream.range(0, 3_000)
                .mapToObj(i -> entry("acme", "user" + i + "@example.com", AT.plusSeconds(i))).toList();
        suspensions.save(everyone);
        suspensions.save(everyone.stream().filter(e -> e.at().getEpochSecond() % 2 == 0)
                .map(e -> new AddressShards.Entry(e.key(), null)).toList());
        long from = AddressHash.bucketStart(5, 32);
        long to = AddressHash.bucketStart(6, 32);

        Map<LedgerRepository.AddressKey, Instant> inRange = new LinkedHashMap<>();
        suspensions.forEachIn(from, to, inRange::put);

        Map<LedgerRepository.AddressKey, Instant> expected = everyone.stream()
                .filter(e -> e.at().getEpochSecond() % 2 != 0)
                .filter(e -> AddressHash.of(e.key().address()) >= from && AddressHash.of(e.key().address()) < to)
                .collect(Collectors.toMap(AddressShards.Entry::key, AddressShards.Entry::at));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(inRange).isEqualTo(expected);
    }

    @Test
    void aShardOfAnotherFormatIsRefused() {
        byte[] value = AddressShards.merge(null, Map.of(), CHANGE_WINS);
        value[0] = 2;

        assertThatThrownBy(() -> decoded(value)).hasMessageContaining("format 2").hasMessageContaining("newer build");
    }

    private static Map<LedgerRepository.AddressKey, Instant> decoded(byte[] value) {
        Map<LedgerRepository.AddressKey, Instant> entries = new LinkedHashMap<>();
        AddressShards.forEach(value, entries::put);
        return entries;
    }

    private static LedgerRepository.AddressKey key(String account, String address) {
        return new LedgerRepository.AddressKey(account, address);
    }

    private static AddressShards.Entry entry(String account, String address, Instant at) {
        return new AddressShards.Entry(key(account, address), at);
    }
}
