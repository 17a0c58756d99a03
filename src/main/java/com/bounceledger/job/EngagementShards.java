package com.bounceledger.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The ledger's last engagements (the last open or click of each account and address), packed into one value per
 * shard of the address hash in {@code engagement_shard}. Most addresses that engage never bounce, yet each must be
 * kept: a row per address cost HSQLDB about 10 µs to read and 14 µs to update, and on the second 10M-message day
 * those rows were most of what the ledger added to settle (1.2 million read, 1.7 million written). A bucket reads
 * and rewrites its whole shards instead, a few hundred kilobytes.
 *
 * <p>A shard is the top 10 bits of the hash: as many shards as a day has buckets at most, so a bucket always holds
 * whole shards and two partitions never write the same one.
 */
public class EngagementShards {

    static final int SHARDS = SpillLayout.MAX_BUCKETS;
    private static final int SHARD_SHIFT = 32 - Integer.numberOfTrailingZeros(SHARDS);
    private static final byte FORMAT = 1;

    private final JdbcTemplate jdbc;

    public EngagementShards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static int shardOf(long hash) {
        return (int) (hash >>> SHARD_SHIFT);
    }

    /** The shards of the hashes from {@code fromHash} (inclusive) to {@code toHashExclusive}, by shard number. */
    public Map<Integer, Map<LedgerRepository.AddressKey, Instant>> read(long fromHash, long toHashExclusive) {
        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> shards = new TreeMap<>();
        if (fromHash < toHashExclusive) {
            jdbc.query("SELECT shard, engagements FROM engagement_shard WHERE shard >= ? AND shard <= ?",
                    (RowCallbackHandler) rs -> shards.put(rs.getInt(1), decode(rs.getBytes(2))),
                    shardOf(fromHash), shardOf(toHashExclusive - 1));
        }
        return shards;
    }

    /**
     * Stores later engagements: each is merged into its shard, read again here, so that the shards a bucket
     * rewrites are its own as committed, whatever the caller kept.
     *
     * @param engagements the account, address, hash and last engagement of each changed one
     */
    public void save(List<Engagement> engagements) {
        if (engagements.isEmpty()) {
            return;
        }
        long from = engagements.stream().mapToLong(Engagement::hash).min().orElseThrow();
        long to = engagements.stream().mapToLong(Engagement::hash).max().orElseThrow() + 1;
        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> stored = read(from, to);
        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> changed = new TreeMap<>();
        for (Engagement engagement : engagements) {
            int shard = shardOf(engagement.hash());
            changed.computeIfAbsent(shard, s -> stored.getOrDefault(s, new LinkedHashMap<>()))
                    .merge(engagement.key(), engagement.at(), (old, now) -> now.isAfter(old) ? now : old);
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        changed.forEach((shard, rows) -> (stored.containsKey(shard) ? updates : inserts)
                .add(new Object[] {encode(rows), shard}));
        jdbc.batchUpdate("UPDATE engagement_shard SET engagements = ? WHERE shard = ?", updates);
        jdbc.batchUpdate("INSERT INTO engagement_shard (engagements, shard) VALUES (?, ?)", inserts);
    }

    static byte[] encode(Map<LedgerRepository.AddressKey, Instant> engagements) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * engagements.size() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(engagements.size());
            for (Map.Entry<LedgerRepository.AddressKey, Instant> entry : engagements.entrySet()) {
                out.writeUTF(entry.getKey().account());
                out.writeUTF(entry.getKey().address());
                out.writeLong(entry.getValue().getEpochSecond());
                out.writeInt(entry.getValue().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<LedgerRepository.AddressKey, Instant> decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("engagement_shard holds format " + format + ", this build reads "
                        + FORMAT + ": the state database was written by a newer build");
            }
            int size = in.readInt();
            Map<LedgerRepository.AddressKey, Instant> engagements = new LinkedHashMap<>(size * 4 / 3 + 1);
            for (int i = 0; i < size; i++) {
                LedgerRepository.AddressKey key = new LedgerRepository.AddressKey(in.readUTF(), in.readUTF());
                engagements.put(key, Instant.ofEpochSecond(in.readLong(), in.readInt()));
            }
            return engagements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A last engagement to store. */
    public record Engagement(LedgerRepository.AddressKey key, long hash, Instant at) {
    }
}
