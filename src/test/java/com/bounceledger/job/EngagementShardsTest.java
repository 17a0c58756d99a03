package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.bounceledger.ingest.AddressHash;

/** Engagements packed per shard: stored exactly, merged keeping the later one, and whole shards per bucket. */
class EngagementShardsTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00.123456789Z");

    @TempDir
    Path folder;

    private SingleConnectionDataSource dataSource;
    private EngagementShards shards;

    @BeforeEach
    void createLedger() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + folder.resolve("ledger") + ";hsqldb.lock_file=false", "SA", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        shards = new EngagementShards(new JdbcTemplate(dataSource));
    }

    @AfterEach
    void closeLedger() {
        dataSource.destroy();
    }

    @Test
    void aShardDecodesToWhatWasEncoded() {
        Map<LedgerRepository.AddressKey, Instant> engagements = new LinkedHashMap<>();
        engagements.put(new LedgerRepository.AddressKey("acme", "ann@example.com"), AT);
        engagements.put(new LedgerRepository.AddressKey("zenith", "jürgen@bücher.example"), Instant.EPOCH);

        assertThat(EngagementShards.decode(EngagementShards.encode(engagements))).isEqualTo(engagements);
    }

    @Test
    void aLaterEngagementReplacesTheStoredOneAndAnEarlierOneDoesNot() {
        shards.save(List.of(engagement("acme", "ann@example.com", AT), engagement("acme", "bob@example.com", AT)));
        shards.save(List.of(engagement("acme", "ann@example.com", AT.plusSeconds(60)),
                engagement("acme", "bob@example.com", AT.minusSeconds(60)),
                engagement("zenith", "ann@example.com", AT)));

        Map<LedgerRepository.AddressKey, Instant> stored = new LinkedHashMap<>();
        shards.read(0, AddressHash.SPACE).values().forEach(stored::putAll);
        assertThat(stored).containsOnly(
                Map.entry(new LedgerRepository.AddressKey("acme", "ann@example.com"), AT.plusSeconds(60)),
                Map.entry(new LedgerRepository.AddressKey("acme", "bob@example.com"), AT),
                Map.entry(new LedgerRepository.AddressKey("zenith", "ann@example.com"), AT));
    }

    @Test
    void aRangeReadsTheShardsOfItsHashesOnly() {
        shards.save(IntStream.range(0, 20_000).mapToObj(i -> engagement("acme", "user" + i + "@example.com", AT))
                .toList());
        long from = AddressHash.bucketStart(5, 64);
        long to = AddressHash.bucketStart(6, 64);

        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> read = shards.read(from, to);

        assertThat(read.keySet()).containsExactly(80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95);
        long inRange = IntStream.range(0, 20_000)
                .mapToLong(i -> AddressHash.of("user" + i + "@example.com")).filter(h -> h >= from && h < to).count();
        assertThat(read.values().stream().mapToInt(Map::size).sum()).isEqualTo((int) inRange).isPositive();
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
        byte[] value = EngagementShards.encode(Map.of());
        value[0] = 2;

        assertThatThrownBy(() -> EngagementShards.decode(value)).hasMessageContaining("format 2")
                .hasMessageContaining("newer build");
    }

    private static EngagementShards.Engagement engagement(String account, String address, Instant at) {
        return new EngagementShards.Engagement(new LedgerRepository.AddressKey(account, address),
                AddressHash.of(address), at);
    }
}
