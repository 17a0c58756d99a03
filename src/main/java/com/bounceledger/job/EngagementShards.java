package com.bounceledger.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.ingest.AddressHash;

/**
 * The ledger's last engagements (the last open or click of each account and address), packed into one value per
 * shard of the address hash in {@code engagement_shard}. Most addresses that engage never bounce, yet each must be
 * kept: a row per address cost HSQLDB about 10 µs to read and 14 µs to update, and on the second 10M-message day
 * those rows were most of what the ledger added to settle (1.2 million read, 1.7 million written). A bucket reads
 * the shards of its addresses instead, and rewrites those it changed, a shard at a time.
 *
 * <p>A shard is the top 10 bits of the hash: as many shards as a day has buckets at most, so a bucket always holds
 * whole shards and two partitions never write the same one.
 */
public class EngagementShards {

    static final int SHARDS = SpillLayout.MAX_BUCKETS;
    private static final int SHARD_SHIFT = 32 - Integer.numberOfTrailingZeros(SHARDS);
    private static final byte FORMAT = 1;
    private static final String SELECT = "SELECT engagements FROM engagement_shard WHERE shard = ?";
    /** Merged shards are written once they hold this many bytes: memory stays a few shards, whatever is saved. */
    private static final int WRITE_BYTES = 8 << 20;

    private final JdbcTemplate jdbc;
    private final int writeBytes;

    public EngagementShards(JdbcTemplate jdbc) {
        this(jdbc, WRITE_BYTES);
    }

    EngagementShards(JdbcTemplate jdbc, int writeBytes) {
        this.jdbc = jdbc;
        this.writeBytes = writeBytes;
    }

    static int shardOf(long hash) {
        return (int) (hash >>> SHARD_SHIFT);
    }

    static int shardOf(LedgerRepository.AddressKey key) {
        return shardOf(AddressHash.of(key.address()));
    }

    /**
     * Passes on the stored engagement of each of the given addresses, in every account, reading only the shards
     * that hold them, one at a time.
     */
    public void restore(Set<String> addresses, BiConsumer<LedgerRepository.AddressKey, Instant> sink) {
        int[] shards = addresses.stream().mapToInt(address -> shardOf(AddressHash.of(address))).distinct().sorted()
                .toArray();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                for (int shard : shards) {
                    forEach(stored(select, shard), (key, at) -> {
                        if (addresses.contains(key.address())) {
                            sink.accept(key, at);
                        }
                    });
                }
            }
            return null;
        });
    }

    /**
     * Stores later engagements: each shard they fall in is read, merged (the later engagement of an address
     * wins) and written back, in the caller's transaction.
     */
    public void save(List<Engagement> engagements) {
        if (engagements.isEmpty()) {
            return;
        }
        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> changes = new TreeMap<>();
        for (Engagement engagement : engagements) {
            changes.computeIfAbsent(shardOf(engagement.key()), shard -> new HashMap<>())
                    .merge(engagement.key(), engagement.at(), EngagementShards::later);
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT);
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE engagement_shard SET engagements = ? WHERE shard = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO engagement_shard (engagements, shard) VALUES (?, ?)")) {
                long pendingBytes = 0;
                int pendingUpdates = 0;
                int pendingInserts = 0;
                for (Map.Entry<Integer, Map<LedgerRepository.AddressKey, Instant>> shard : changes.entrySet()) {
                    byte[] stored = stored(select, shard.getKey());
                    byte[] merged = merge(stored, shard.getValue());
                    PreparedStatement write = stored == null ? insert : update;
                    write.setBytes(1, merged);
                    write.setInt(2, shard.getKey());
                    write.addBatch();
                    pendingUpdates += stored == null ? 0 : 1;
                    pendingInserts += stored == null ? 1 : 0;
                    pendingBytes += merged.length;
                    if (pendingBytes >= writeBytes) {
                        executeBatches(update, pendingUpdates, insert, pendingInserts);
                        pendingBytes = pendingUpdates = pendingInserts = 0;
                    }
                }
                executeBatches(update, pendingUpdates, insert, pendingInserts);
            }
            return null;
        });
    }

    /** HSQLDB refuses to execute an empty batch. */
    private static void executeBatches(PreparedStatement update, int updates, PreparedStatement insert, int inserts)
            throws SQLException {
        if (updates > 0) {
            update.executeBatch();
        }
        if (inserts > 0) {
            insert.executeBatch();
        }
    }

    /** @return the shard's stored value, or null when it has none yet */
    private static byte[] stored(PreparedStatement select, int shard) throws SQLException {
        select.setInt(1, shard);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getBytes(1) : null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** The stored engagements with the changes merged in: the stored order, then the addresses new to the shard. */
    static byte[] merge(byte[] stored, Map<LedgerRepository.AddressKey, Instant> changes) {
        Map<LedgerRepository.AddressKey, Instant> unseen = new LinkedHashMap<>(changes);
        int storedLength = stored == null ? 0 : stored.length;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(storedLength + 64 * changes.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            if (stored != null) {
                forEach(stored, (key, at) -> {
                    Instant change = unseen.remove(key);
                    write(out, key, change == null ? at : later(at, change));
                });
            }
            unseen.forEach((key, at) -> write(out, key, at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, LedgerRepository.AddressKey key, Instant at) {
        try {
            out.writeUTF(key.account());
            out.writeUTF(key.address());
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes on each engagement of a stored shard value, in its order. */
    static void forEach(byte[] value, BiConsumer<LedgerRepository.AddressKey, Instant> sink) {
        if (value == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("engagement_shard holds format " + format + ", this build reads "
                        + FORMAT + ": the state database was written by a newer build");
            }
            while (in.available() > 0) {
                LedgerRepository.AddressKey key = new LedgerRepository.AddressKey(in.readUTF(), in.readUTF());
                sink.accept(key, Instant.ofEpochSecond(in.readLong(), in.readInt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A last engagement to store. */
    public record Engagement(LedgerRepository.AddressKey key, Instant at) {
    }
}
