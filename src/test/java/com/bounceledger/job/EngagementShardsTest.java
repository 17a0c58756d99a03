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

/**
 * Engagements packed per shard: stored exactly, merged keeping the later one, restored for the wanted addresses,
 * and whole shards in every bucket.
 */
class EngagementShardsTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00.123456789Z");

    @TempDir
    Path folder;

    private StateDatabase state;
    private JdbcTemplate jdbc;
    private EngagementShards shards;

    @BeforeEach
    void createLedger() {
        state = new StateDatabase(folder);
        jdbc = state.jdbc;
        shards = new EngagementShards(jdbc);
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

        assertThat(decoded(EngagementShards.merge(null, engagements))).containsExactlyEntriesOf(engagements);
    }

    @Test
    void mergingKeepsTheLaterEngagementAndAppendsTheNewAddresses() {
        byte[] stored = EngagementShards.merge(null, Map.of(key("acme", "ann@example.com"), AT));
        stored = EngagementShards.merge(stored, Map.of(key("acme", "bob@example.com"), AT));
        Map<LedgerRepository.AddressKey, Instant> changes = new LinkedHashMap<>();
        changes.put(key("acme", "bob@example.com"), AT.minusSeconds(60)); // earlier: a late file's replay
        changes.put(key("zenith", "ann@example.com"), AT);
        changes.put(key("acme", "ann@example.com"), AT.plusSeconds(60));

        assertThat(decoded(EngagementShards.merge(stored, changes))).containsExactly(
                Map.entry(key("acme", "ann@example.com"), AT.plusSeconds(60)),
                Map.entry(key("acme", "bob@example.com"), AT),
                Map.entry(key("zenith", "ann@example.com"), AT));
    }

    @Test
    void savedEngagementsAreRestoredForTheWantedAddressesOnlyInEveryAccount() {
        List<EngagementShards.Engagement> everyone = new ArrayList<>(IntStream.range(0, 20_000)
                .mapToObj(i -> engagement("acme", "user" + i + "@example.com", AT)).toList());
        everyone.add(engagement("zenith", "user7@example.com", AT.minusSeconds(1)));
        shards.save(everyone);
        shards.save(List.of(engagement("acme", "user7@example.com", AT.plusSeconds(1))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM engagement_shard", Integer.class))
                .isEqualTo(EngagementShards.SHARDS);

        Map<LedgerRepository.AddressKey, Instant> restored = new LinkedHashMap<>();
        shards.restore(Set.of("user7@example.com", "user19999@example.com", "nobody@example.com"), restored::put);

        assertThat(restored).containsOnly(
                Map.entry(key("acme", "user7@example.com"), AT.plusSeconds(1)),
                Map.entry(key("zenith", "user7@example.com"), AT.minusSeconds(1)),
                Map.entry(key("acme", "user19999@example.com"), AT));
    }

    @Test
    void shardsWrittenAFewAtATimeHoldWhatShardsWrittenAllAtOnceHold() {
        List<EngagementShards.Engagement> everyone = IntStream.range(0, 5_000)
                .mapToObj(i -> engagement("acme", "user" + i + "@example.com", AT)).toList();
        EngagementShards oneShardABatch = new EngagementShards(jdbc, 1);
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
            assertThat(EngagementShards.shardOf(from)).isEqualTo(bucket * EngagementShards.SHARDS / buckets);
            assertThat(EngagementShards.shardOf(to - 1)).isEqualTo((bucket + 1) * EngagementShards.SHARDS / buckets - 1);
        }
    }

    @Test
    void aShardOfAnotherFormatIsRefused() {
        byte[] value = EngagementShards.merge(null, Map.of());
        value[0] = 2;

        assertThatThrownBy(() -> decoded(value)).hasMessageContaining("format 2").hasMessageContaining("newer build");
    }

    private static Map<LedgerRepository.AddressKey, Instant> decoded(byte[] value) {
        Map<LedgerRepository.AddressKey, Instant> engagements = new LinkedHashMap<>();
        EngagementShards.forEach(value, engagements::put);
        return engagements;
    }

    private static LedgerRepository.AddressKey key(String account, String address) {
        return new LedgerRepository.AddressKey(account, address);
    }

    private static EngagementShards.Engagement engagement(String account, String address, Instant at) {
        return new EngagementShards.Engagement(key(account, address), at);
    }
}
