package com.bounceledger.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.AddressRecord;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.report.CampaignCounts;
import com.bounceledger.report.DayTally;

/**
 * The state tables as a settlement sees them: the statuses and pending messages of one range of address hashes
 * read with one query per table (or the statuses looked up by hash), the engagements and the suspensions in force
 * a shard at a time ({@link AddressShards}), everything it changed written back in batches.
 */
public class LedgerRepository {

    /** The stages of a run that change the ledger, in their order within a day. */
    public static final int OVERRIDES_STAGE = 1;
    public static final int EVENTS_STAGE = 2;
    public static final int EXPIRY_STAGE = 3;

    private static final int LOOKUP_BATCH = 500;
    private static final String STATE_COLUMNS = """
            SELECT account, address, invalid_since, invalid_reason, invalid_cause, suspended_since, suspended_until,
                   suspended_reason, complained_at, unsubscribed_at, hard_excused_at, soft_count, soft_campaigns,
                   soft_last_reason, manual_since, manual_note""";
    private static final String SELECT_STATES = STATE_COLUMNS + " FROM address_state";
    private static final String BY_HASH = " WHERE addr_hash IN (" + "?,".repeat(LOOKUP_BATCH - 1) + "?)";
    private static final String IN_RANGE = " WHERE addr_hash >= ? AND addr_hash < ?";

    /** The order of the ledger's primary key: writes in this order stay within a few index pages at a time. */
    private static final Comparator<AddressState> IN_KEY_ORDER =
            byHashThen(AddressState::address, AddressState::account, AddressState::address);
    private static final Comparator<AddressChange> CHANGES_IN_KEY_ORDER =
            byHashThen(AddressChange::address, AddressChange::account, AddressChange::address);
    private static final Comparator<PendingMessage> PENDING_IN_KEY_ORDER =
            byHashThen(PendingMessage::recipient, PendingMessage::account, PendingMessage::messageId);

    private final JdbcTemplate jdbc;
    private final AddressShards engagements;
    private final AddressShards suspensions;
    private final int lookupCost;

    /** @param lookupCost how many stored rows a range read walks in the time of one lookup by hash */
    public LedgerRepository(JdbcTemplate jdbc, int lookupCost) {
        this.jdbc = jdbc;
        this.engagements = AddressShards.engagements(jdbc);
        this.suspensions = AddressShards.suspensions(jdbc);
        this.lookupCost = lookupCost;
    }

    public Map<MessageKey, PendingMessage> pendingIn(long fromHash, long toHashExclusive) {
        Map<MessageKey, PendingMessage> pending = new HashMap<>();
        jdbc.query("""
                SELECT account, message_id, recipient, campaign, first_event_at FROM pending_message
                WHERE addr_hash >= ? AND addr_hash < ?""",
                rs -> {
                    PendingMessage message = new PendingMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), instant(rs, 5));
                    pending.put(new MessageKey(message.account(), message.messageId()), message);
                }, fromHash, toHashExclusive);
        return pending;
    }

    /**
     * The ledger rows of the given addresses in every account (global bounces included), looked up by address
     * hash in batches: the cost follows the day's addresses, not the size of the ledger.
     */
    public AddressLedger statesOf(Set<String> addresses) {
        AddressLedger ledger = new AddressLedger();
        // Statuses first: a state that only engagement created is then not replaced by its stored statuses.
        lookUp(SELECT_STATES + BY_HASH, hashesOf(addresses.stream()), rs -> addIfWanted(rs, addresses, ledger));
        restoreEngagements(addresses, ledger);
        return ledger;
    }

    private static long[] hashesOf(Stream<String> addresses) {
        return addresses.mapToLong(AddressHash::of).distinct().sorted().toArray();
    }

    /** One statement for all batches: HSQLDB compiles a statement again each time it is prepared. */
    private void lookUp(String sql, long[] hashes, RowCallbackHandler handler) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < hashes.length; from += LOOKUP_BATCH) {
                    for (int i = 0; i < LOOKUP_BATCH; i++) {
                        // padded with the last hash: every batch fills the statement's parameters
                        statement.setLong(i + 1, hashes[Math.min(from + i, hashes.length - 1)]);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            handler.processRow(rows);
                        }
                    }
                }
            }
            return null;
        });
    }

    /**
     * A bucket's ledger for settlement: the states of the wanted addresses, and those whose suspension ends by
     * {@code suspensionsEndingBy}, which settlement expires. The statuses are read as one range of their key while
     * the table holds no more rows in a bucket than {@code lookupCost} times the addresses to find, and by lookups
     * once it holds more (an old ledger): a range read costs a row per stored row, a lookup a descent of the index
     * per address (lookups were 11% of settle on a first 10M-message day, where every one misses; on the seventh
     * 1M day a lookup took 23 µs, a row of a range 10 µs). Looked up, the suspensions that end are found in the
     * bucket's shards of the suspensions in force, and looked up with the wanted addresses. The engagements come
     * from the shards of the wanted addresses.
     *
     * @param storedStatusesPerBucket the status rows per bucket before settlement
     */
    public AddressLedger bucketLedger(long fromHash, long toHashExclusive, Set<String> addresses,
                                      Instant suspensionsEndingBy, long storedStatusesPerBucket) {
        AddressLedger ledger = new AddressLedger();
        if (looksUp(storedStatusesPerBucket, addresses.size())) {
            Set<AddressKey> ending = new HashSet<>();
            suspensions.forEachIn(fromHash, toHashExclusive, (key, until) -> {
                if (endsBy(until, suspensionsEndingBy)) {
                    ending.add(key);
                }
            });
            long[] hashes = hashesOf(Stream.concat(addresses.stream(), ending.stream().map(AddressKey::address)));
            lookUp(SELECT_STATES + BY_HASH, hashes, rs -> {
                if (addresses.contains(rs.getString(2)) || ending.contains(new AddressKey(rs.getString(1),
                        rs.getString(2)))) {
                    ledger.add(state(rs));
                }
            });
        } else {
            jdbc.query(SELECT_STATES + IN_RANGE, (RowCallbackHandler) rs -> {
                if (addresses.contains(rs.getString(2)) || endsBy(instant(rs, 7), suspensionsEndingBy)) {
                    ledger.add(state(rs));
                }
            }, fromHash, toHashExclusive);
        }
        restoreEngagements(addresses, ledger);
        return ledger;
    }

    /** Whether a status table holding this many rows per bucket is looked up for this many addresses. */
    boolean looksUp(long storedPerBucket, int addresses) {
        return storedPerBucket > (long) lookupCost * addresses;
    }

    private static boolean endsBy(Instant suspendedUntil, Instant end) {
        return suspendedUntil != null && !suspendedUntil.isAfter(end);
    }

    /**
     * The status rows, as the table's store keeps count of them: under MVCC, HSQLDB's {@code COUNT(*)} walks the
     * whole index to see which rows the transaction sees (0.9 to 1.3 s for the 546,639 rows before the fourth
     * 10M-message night, before settle's partitions could start); the store's count took 1.5 to 23 ms. Between
     * steps no transaction is open, so the two agree.
     */
    public long statusCount() {
        return jdbc.queryForObject("""
                SELECT cardinality FROM information_schema.system_tablestats
                WHERE table_schema = 'PUBLIC' AND table_name = 'ADDRESS_STATE'""", Long.class);
    }

    /** Rows of other addresses share a hash or a range with the wanted ones and are left out. */
    private static void addIfWanted(ResultSet rs, Set<String> addresses, AddressLedger ledger) throws SQLException {
        if (addresses.contains(rs.getString(2))) {
            ledger.add(state(rs));
        }
    }

    private static AddressState state(ResultSet rs) throws SQLException {
        return new AddressState(new AddressRecord(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8), instant(rs, 9), instant(rs, 10),
                instant(rs, 11), rs.getInt(12), rs.getString(13), rs.getString(14), instant(rs, 15),
                rs.getString(16)));
    }

    private void restoreEngagements(Set<String> addresses, AddressLedger ledger) {
        engagements.restore(addresses,
                (key, lastEngagedAt) -> ledger.state(key.account(), key.address()).restoreEngagement(lastEngagedAt));
    }

    public void save(LocalDate runDate, BucketSettlement settlement) {
        insertCampaigns(runDate, settlement);
        insertReasons(runDate, settlement);
        insertDomains(runDate, settlement);
        jdbc.batchUpdate("DELETE FROM pending_message WHERE addr_hash = ? AND account = ? AND message_id = ?",
                inKeyOrder(settlement.resolvedPending()), 500, (ps, message) -> {
                    ps.setLong(1, AddressHash.of(message.recipient()));
                    ps.setString(2, message.account());
                    ps.setString(3, message.messageId());
                });
        jdbc.batchUpdate("""
                INSERT INTO pending_message (addr_hash, account, message_id, recipient, campaign, first_event_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                inKeyOrder(settlement.newPending()), 500, (ps, message) -> {
                    ps.setLong(1, AddressHash.of(message.recipient()));
                    ps.setString(2, message.account());
                    ps.setString(3, message.messageId());
                    ps.setString(4, message.recipient());
                    ps.setString(5, message.campaign());
                    ps.setObject(6, offset(message.firstEventAt()));
                });
        saveStates(settlement.changedStates());
        insertChanges(runDate, EVENTS_STAGE, settlement.changes());
        insertChanges(runDate, EXPIRY_STAGE, settlement.expiries());
    }

    /** In the order of pending_message's key, so that a bucket's writes walk its range of the index once. */
    private static List<PendingMessage> inKeyOrder(List<PendingMessage> messages) {
        return messages.stream().sorted(PENDING_IN_KEY_ORDER).toList();
    }

    private void insertCampaigns(LocalDate runDate, BucketSettlement settlement) {
        List<Map.Entry<DayTally.CampaignKey, CampaignCounts>> rows =
                new ArrayList<>(settlement.tally().campaigns().entrySet());
        jdbc.batchUpdate("""
                INSERT INTO campaign_day (run_date, bucket, account, campaign, sent, delivered, hard, soft, blocked,
                                          pending, deferred, opened, clicked, unsubscribed, complained)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 500, (ps, row) -> {
                    CampaignCounts c = row.getValue();
                    ps.setObject(1, runDate);
                    ps.setInt(2, settlement.bucket());
                    ps.setString(3, row.getKey().account());
                    ps.setString(4, row.getKey().campaign());
                    long[] values = {c.sent(), c.delivered(), c.hard(), c.soft(), c.blocked(), c.pending(),
                            c.deferred(), c.opened(), c.clicked(), c.unsubscribed(), c.complained()};
                    for (int i = 0; i < values.length; i++) {
                        ps.setLong(5 + i, values[i]);
                    }
                });
    }

    private void insertReasons(LocalDate runDate, BucketSettlement settlement) {
        List<DayTally.ReasonCount> rows = new ArrayList<>(settlement.tally().reasons().values());
        jdbc.batchUpdate("""
                INSERT INTO reason_day (run_date, bucket, reason, grp, messages, example) VALUES (?, ?, ?, ?, ?, ?)""",
                rows, 500, (ps, row) -> {
                    ps.setObject(1, runDate);
                    ps.setInt(2, settlement.bucket());
                    ps.setString(3, row.reason());
                    ps.setString(4, row.group());
                    ps.setLong(5, row.messages());
                    ps.setString(6, row.example());
                });
    }

    private void insertDomains(LocalDate runDate, BucketSettlement settlement) {
        List<Map.Entry<String, CampaignCounts>> rows = new ArrayList<>(settlement.tally().domains().entrySet());
        jdbc.batchUpdate("""
                INSERT INTO domain_day (run_date, bucket, domain, sent, delivered, hard, soft, blocked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 500, (ps, row) -> {
                    CampaignCounts c = row.getValue();
                    ps.setObject(1, runDate);
                    ps.setInt(2, settlement.bucket());
                    ps.setString(3, row.getKey());
                    ps.setLong(4, c.sent());
                    ps.setLong(5, c.delivered());
                    ps.setLong(6, c.hard());
                    ps.setLong(7, c.soft());
                    ps.setLong(8, c.blocked());
                });
    }

    /**
     * Writes back changed states in key order (address hash first), so that consecutive rows touch the same
     * part of each table's index instead of random pages of it; new rows are inserted, stored ones updated, a
     * stored row left without any status deleted ({@link AddressRecord#isEmpty()}); the suspensions begun, extended
     * or ended and the later engagements are merged into their shards.
     */
    public void saveStates(List<AddressState> states) {
        List<AddressState> inKeyOrder = states.stream().sorted(IN_KEY_ORDER).toList();
        List<AddressRecord> newStatuses = new ArrayList<>();
        List<AddressRecord> storedStatuses = new ArrayList<>();
        List<AddressRecord> emptiedStatuses = new ArrayList<>();
        List<AddressShards.Entry> changedEngagements = new ArrayList<>();
        List<AddressShards.Entry> changedSuspensions = new ArrayList<>();
        for (AddressState state : inKeyOrder) {
            if (state.changed()) {
                AddressRecord record = state.toRecord();
                if (!record.isEmpty()) {
                    (state.stored() ? storedStatuses : newStatuses).add(record);
                } else if (state.stored()) {
                    emptiedStatuses.add(record);
                }
                if (!Objects.equals(record.suspendedUntil(), state.storedSuspendedUntil())) {
                    changedSuspensions.add(new AddressShards.Entry(new AddressKey(state.account(), state.address()),
                            record.suspendedUntil()));
                }
            }
            if (state.engagementChanged()) {
                changedEngagements.add(new AddressShards.Entry(
                        new AddressKey(state.account(), state.address()), state.lastEngagedAt()));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO address_state (invalid_since, invalid_reason, invalid_cause, suspended_since,
                    suspended_until, suspended_reason, complained_at, unsubscribed_at, hard_excused_at, soft_count,
                    soft_campaigns, soft_last_reason, manual_since, manual_note, addr_hash, account, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                newStatuses, 500, LedgerRepository::setStatusesAndKey);
        jdbc.batchUpdate("""
                UPDATE address_state SET invalid_since = ?, invalid_reason = ?, invalid_cause = ?,
                    suspended_since = ?, suspended_until = ?, suspended_reason = ?, complained_at = ?,
                    unsubscribed_at = ?, hard_excused_at = ?, soft_count = ?, soft_campaigns = ?,
                    soft_last_reason = ?, manual_since = ?, manual_note = ?
                WHERE addr_hash = ? AND account = ? AND address = ?""",
                storedStatuses, 500, LedgerRepository::setStatusesAndKey);
        jdbc.batchUpdate("DELETE FROM address_state WHERE addr_hash = ? AND account = ? AND address = ?",
                emptiedStatuses, 500, (ps, s) -> setKey(ps, 1, s.account(), s.address()));
        suspensions.save(changedSuspensions);
        engagements.save(changedEngagements);
    }

    /** The 14 status columns, then the key (hash, account, address): the parameter order of both writes. */
    private static void setStatusesAndKey(PreparedStatement ps, AddressRecord s) throws SQLException {
        ps.setObject(1, offset(s.invalidSince()));
        ps.setString(2, s.invalidReason());
        ps.setString(3, s.invalidCause());
        ps.setObject(4, offset(s.suspendedSince()));
        ps.setObject(5, offset(s.suspendedUntil()));
        ps.setString(6, s.suspendedReason());
        ps.setObject(7, offset(s.complainedAt()));
        ps.setObject(8, offset(s.unsubscribedAt()));
        ps.setObject(9, offset(s.hardExcusedAt()));
        ps.setInt(10, s.softCount());
        ps.setString(11, s.softCampaigns());
        ps.setString(12, s.softLastReason());
        ps.setObject(13, offset(s.manualSince()));
        ps.setString(14, s.manualNote());
        setKey(ps, 15, s.account(), s.address());
    }

    private static void setKey(PreparedStatement ps, int first, String account, String address) throws SQLException {
        ps.setLong(first, AddressHash.of(address));
        ps.setString(first + 1, account);
        ps.setString(first + 2, address);
    }

    /**
     * @param stage   the part of the run that made the changes: numbers the day's changes of an address in order
     * @param changes in the order they happened; written in the audit trail's key order (a stable sort keeps an
     *                address's changes in their order)
     */
    public void insertChanges(LocalDate runDate, int stage, List<AddressChange> changes) {
        Map<AddressKey, Integer> sequence = new HashMap<>();
        List<AddressChange> inKeyOrder = changes.stream().sorted(CHANGES_IN_KEY_ORDER).toList();
        jdbc.batchUpdate("""
                INSERT INTO address_change (run_date, account, address, stage, seq, change, reason, cause, diagnostic,
                                            changed_at, addr_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                inKeyOrder, 500, (ps, c) -> {
                    ps.setObject(1, runDate);
                    ps.setString(2, c.account());
                    ps.setString(3, c.address());
                    ps.setInt(4, stage);
                    ps.setInt(5, sequence.merge(new AddressKey(c.account(), c.address()), 1, Integer::sum));
                    ps.setString(6, c.change());
                    ps.setString(7, c.reason());
                    ps.setString(8, c.cause());
                    ps.setString(9, c.diagnostic());
                    ps.setObject(10, offset(c.at()));
                    ps.setLong(11, AddressHash.of(c.address()));
                });
    }

    /** The order of the state tables' keys: the address's hash, the account, then the rest of the key. */
    private static <T> Comparator<T> byHashThen(Function<T, String> address, Function<T, String> account,
                                                Function<T, String> rest) {
        return Comparator.comparingLong((T row) -> AddressHash.of(address.apply(row)))
                .thenComparing(account)
                .thenComparing(rest);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public record MessageKey(String account, String messageId) {
    }

    public record AddressKey(String account, String address) {
    }

    public record PendingMessage(String account, String messageId, String recipient, String campaign,
                                 Instant firstEventAt) {
    }
}
