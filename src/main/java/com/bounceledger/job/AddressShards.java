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
import java.util.function.BinaryOperator;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.ingest.AddressHash;

/**
 * An instant per (account, address), packed into one value per shard of the address hash: the ledger's last
 * engagements ({@code engagement_shard}) and the ends of its suspensions in force ({@code suspension_shard}).
 * Each is a fact that many addresses carry and that changes for many of them every night, and a row per address
 * cost HSQLDB about 10 µs to read and 14 µs to write: on the second 10M-message day the engagement rows were most
 * of what the ledger added to settle (1.2 million read, 1.7 million written), and on the fourth the suspension
 * rows, 361,741 inserted and 246,051 deleted, were about 3 s of its 34. A bucket reads the shards it needs
 * instead, and rewrites those it changed, a shard at a time.
 *
 * <p>A shard is the top 10 bits of the hash: as many shards as a day has buckets at most, so a bucket always holds
 * whole shards and two partitions never write the same one.
 */
public final class AddressShards {

    static final int SHARDS = SpillLayout.MAX_BUCKETS;
    private static final int SHARD_SHIFT = 32 - Integer.numberOfTrailingZeros(SHARDS);
    private static final byte FORMAT = 1;
    /** Merged shards are written once they hold this many bytes: memory stays a few shards, whatever is saved. */
    private static final int WRITE_BYTES = 8 << 20;

    /** A change keeps the later of the two instants: a late file may replay an earlier engagement. */
    static final BinaryOperator<Instant> LATER_WINS =
            (stored, change) -> stored == null || change.isAfter(stored) ? change : stored;
    /** A change replaces the stored instant, and a null change drops the address. */
    static final BinaryOperator<Instant> CHANGE_WINS = (stored, change) -> change;

    private final JdbcTemplate jdbc;
    private final String table;
    private final String column;
    private final BinaryOperator<Instant> rule;
    private final int writeBytes;

    /**
     * @param rule what a change makes of an address's stored instant (null when it has none): the instant to keep,
     *             or null to drop the address from its shard
     */
    AddressShards(JdbcTemplate jdbc, String table, String column, BinaryOperator<Instant> rule, int writeBytes) {
        this.jdbc = jdbc;
        this.table = table;
        this.column = column;
        this.rule = rule;
        this.writeBytes = writeBytes;
    }

    /** The last engagement of each address. */
    public static AddressShards engagements(JdbcTemplate jdbc) {
        return new AddressShards(jdbc, "engagement_shard", "engagements", LATER_WINS, WRITE_BYTES);
    }

    /** The end of each suspension in force; a null change ends it. */
    public static AddressShards suspensions(JdbcTemplate jdbc) {
        return new AddressShards(jdbc, "suspension_shard", "suspensions", CHANGE_WINS, WRITE_BYTES);
    }

    /** The same shards, written back once their merged values hold {@code bytes}: lets a test flush every shard. */
    AddressShards flushingEvery(int bytes) {
        return new AddressShards(jdbc, table, column, rule, bytes);
    }

    static int shardOf(long hash) {
        return (int) (hash >>> SHARD_SHIFT);
    }

    static int shardOf(LedgerRepository.AddressKey key) {
        return shardOf(AddressHash.of(key.address()));
    }

    /**
     * Passes on the stored instant of each of the given addresses, in every account, reading only the shards that
     * hold them, one at a time.
     */
    public void restore(Set<String> addresses, BiConsumer<LedgerRepository.AddressKey, Instant> sink) {
        int[] shards = addresses.stream().mapToInt(address -> shardOf(AddressHash.of(address))).distinct().sorted()
                .toArray();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectOne())) {
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

    /** Passes on every stored instant of the addresses whose hash is in the range, with one query. */
    public void forEachIn(long fromHash, long toHashExclusive, BiConsumer<LedgerRepository.AddressKey, Instant> sink) {
        jdbc.query("SELECT " + column + " FROM " + table + " WHERE shard >= ? AND shard <= ?",
                rs -> {
                    forEach(rs.getBytes(1), (key, at) -> {
                        long hash = AddressHash.of(key.address());
                        if (hash >= fromHash && hash < toHashExclusive) {
                            sink.accept(key, at);
                        }
                    });
                }, shardOf(fromHash), shardOf(toHashExclusive - 1));
    }

    /**
     * Stores changes: each shard they fall in is read, merged by the rule and written back, in the caller's
     * transaction.
     */
    public void save(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Integer, Map<LedgerRepository.AddressKey, Instant>> changes = new TreeMap<>();
        for (Entry entry : entries) {
            Map<LedgerRepository.AddressKey, Instant> shard =
                    changes.computeIfAbsent(shardOf(entry.key()), s -> new HashMap<>());
            // put, not Map.merge: a change may be null
            shard.put(entry.key(), shard.containsKey(entry.key())
                    ? rule.apply(shard.get(entry.key()), entry.at()) : entry.at());
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectOne());
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE " + table + " SET " + column + " = ? WHERE shard = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO " + table + " (" + column + ", shard) VALUES (?, ?)")) {
                long pendingBytes = 0;
                int pendingUpdates = 0;
                int pendingInserts = 0;
                for (Map.Entry<Integer, Map<LedgerRepository.AddressKey, Instant>> shard : changes.entrySet()) {
                    byte[] stored = stored(select, shard.getKey());
                    byte[] merged = merge(stored, shard.getValue(), rule);
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

    private String selectOne() {
        return "SELECT " + column + " FROM " + table + " WHERE shard = ?";
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

    /**
     * The stored instants with the changes merged in by the rule: the stored order, then the addresses new to the
     * shard; an address whose merged instant is null is left out.
     */
    static byte[] merge(byte[] stored, Map<LedgerRepository.AddressKey, Instant> changes,
                        BinaryOperator<Instant> rule) {
        Map<LedgerRepository.AddressKey, Instant> unseen = new LinkedHashMap<>(changes);
        int storedLength = stored == null ? 0 : stored.length;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(storedLength + 64 * changes.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            if (stored != null) {
                forEach(stored, (key, at) -> write(out, key,
                        unseen.containsKey(key) ? rule.apply(at, unseen.remove(key)) : at));
            }
            unseen.forEach((key, at) -> write(out, key, rule.apply(null, at)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, LedgerRepository.AddressKey key, Instant at) {
        if (at == null) {
            return;
        }
        try {
            out.writeUTF(key.account());
            out.writeUTF(key.address());
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes on each address and instant of a stored shard value, in its order. */
    static void forEach(byte[] value, BiConsumer<LedgerRepository.AddressKey, Instant> sink) {
        if (value == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("an address shard holds format " + format + ", this build reads "
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

    /** An address's instant to store, or null to drop the address (where the rule says so). */
    public record Entry(LedgerRepository.AddressKey key, Instant at) {
    }
}
