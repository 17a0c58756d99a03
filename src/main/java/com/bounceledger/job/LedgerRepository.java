package com.bounceledger.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.AddressRecord;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.report.CampaignCounts;
import com.bounceledger.report.DayTally;

/**
 * The state tables as a settlement sees them: everything of one range of address hashes read with one
 * query per table, everything it changed written back in batches.
 */
public class LedgerRepository {

    /** The stages of a run that change the ledger, in their order within a day. */
    public static final int OVERRIDES_STAGE = 1;
    public static final int EVENTS_STAGE = 2;
    public static final int EXPIRY_STAGE = 3;

    private static final int LOOKUP_BATCH = 500;
    private static final String SELECT_STATES_BY_HASH = """
            SELECT account, address, invalid_since, invalid_reason, invalid_cause, suspended_since, suspended_until,
                   suspended_reason, complained_at, unsubscribed_at, last_engaged_at, hard_excused_at, soft_count,
                   soft_campaigns, soft_last_reason, manual_since, manual_note
            FROM address_state WHERE addr_hash IN (""" + "?,".repeat(LOOKUP_BATCH - 1) + "?)";

    private final JdbcTemplate jdbc;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        long[] hashes = addresses.stream().mapToLong(AddressHash::of).distinct().sorted().toArray();
        for (int from = 0; from < hashes.length; from += LOOKUP_BATCH) {
            Object[] batch = new Object[LOOKUP_BATCH];
            for (int i = 0; i < LOOKUP_BATCH; i++) {
                batch[i] = hashes[Math.min(from + i, hashes.length - 1)]; // padded: one statement shape
            }
            jdbc.query(SELECT_STATES_BY_HASH, rs -> {
                AddressState state = new AddressState(new AddressRecord(rs.getString(1), rs.getString(2),
                        instant(rs, 3), rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7),
                        rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11), instant(rs, 12),
                        rs.getInt(13), rs.getString(14), rs.getString(15), instant(rs, 16), rs.getString(17)));
                if (addresses.contains(state.address())) {
                    ledger.add(state);
                }
            }, batch);
        }
        return ledger;
    }

    public void save(LocalDate runDate, BucketSettlement settlement) {
        insertCampaigns(runDate, settlement);
        insertReasons(runDate, settlement);
        insertDomains(runDate, settlement);
        jdbc.batchUpdate("DELETE FROM pending_message WHERE account = ? AND message_id = ?",
                settlement.resolvedPending(), 500, (ps, key) -> {
                    ps.setString(1, key.account());
                    ps.setString(2, key.messageId());
                });
        jdbc.batchUpdate("""
                INSERT INTO pending_message (account, message_id, recipient, addr_hash, campaign, first_event_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                settlement.newPending(), 500, (ps, message) -> {
                    ps.setString(1, message.account());
                    ps.setString(2, message.messageId());
                    ps.setString(3, message.recipient());
                    ps.setLong(4, AddressHash.of(message.recipient()));
                    ps.setString(5, message.campaign());
                    ps.setObject(6, offset(message.firstEventAt()));
                });
        saveStates(settlement.changedStates());
        insertChanges(runDate, EVENTS_STAGE, settlement.changes());
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

    public void saveStates(List<AddressState> states) {
        jdbc.batchUpdate("""
                MERGE INTO address_state t
                USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(254)), CAST(? AS BIGINT),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS VARCHAR(40)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INT), CAST(? AS VARCHAR(2000)),
                               CAST(? AS VARCHAR(40)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(500))))
                   AS v (account, address, addr_hash, invalid_since, invalid_reason, invalid_cause, suspended_since,
                         suspended_until, suspended_reason, complained_at, unsubscribed_at, last_engaged_at,
                         hard_excused_at, soft_count, soft_campaigns, soft_last_reason, manual_since, manual_note)
                ON t.account = v.account AND t.address = v.address
                WHEN MATCHED THEN UPDATE SET invalid_since = v.invalid_since, invalid_reason = v.invalid_reason,
                    invalid_cause = v.invalid_cause, suspended_since = v.suspended_since,
                    suspended_until = v.suspended_until, suspended_reason = v.suspended_reason,
                    complained_at = v.complained_at, unsubscribed_at = v.unsubscribed_at,
                    last_engaged_at = v.last_engaged_at, hard_excused_at = v.hard_excused_at,
                    soft_count = v.soft_count, soft_campaigns = v.soft_campaigns,
                    soft_last_reason = v.soft_last_reason, manual_since = v.manual_since, manual_note = v.manual_note
                WHEN NOT MATCHED THEN INSERT VALUES (v.account, v.address, v.addr_hash, v.invalid_since,
                    v.invalid_reason, v.invalid_cause, v.suspended_since, v.suspended_until, v.suspended_reason,
                    v.complained_at, v.unsubscribed_at, v.last_engaged_at, v.hard_excused_at, v.soft_count,
                    v.soft_campaigns, v.soft_last_reason, v.manual_since, v.manual_note)""",
                states, 500, (ps, state) -> {
                    AddressRecord s = state.toRecord();
                    ps.setString(1, s.account());
                    ps.setString(2, s.address());
                    ps.setLong(3, AddressHash.of(s.address()));
                    ps.setObject(4, offset(s.invalidSince()));
                    ps.setString(5, s.invalidReason());
                    ps.setString(6, s.invalidCause());
                    ps.setObject(7, offset(s.suspendedSince()));
                    ps.setObject(8, offset(s.suspendedUntil()));
                    ps.setString(9, s.suspendedReason());
                    ps.setObject(10, offset(s.complainedAt()));
                    ps.setObject(11, offset(s.unsubscribedAt()));
                    ps.setObject(12, offset(s.lastEngagedAt()));
                    ps.setObject(13, offset(s.hardExcusedAt()));
                    ps.setInt(14, s.softCount());
                    ps.setString(15, s.softCampaigns());
                    ps.setString(16, s.softLastReason());
                    ps.setObject(17, offset(s.manualSince()));
                    ps.setString(18, s.manualNote());
                });
    }

    /** @param stage the part of the run that made the changes: numbers the day's changes of an address in order */
    public void insertChanges(LocalDate runDate, int stage, List<AddressChange> changes) {
        Map<AddressKey, Integer> sequence = new HashMap<>();
        jdbc.batchUpdate("""
                INSERT INTO address_change (run_date, account, address, stage, seq, change, reason, cause, diagnostic,
                                            changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                changes, 500, (ps, c) -> {
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
                });
    }

    /**
     * Ends, in one statement each, every suspension that ends at or before the end of the run date (SPEC 4.2),
     * and records it in the audit trail.
     *
     * @return how many ended
     */
    public int expireSuspensions(LocalDate runDate, Instant endOfRunDate) {
        OffsetDateTime end = offset(endOfRunDate);
        jdbc.update("""
                INSERT INTO address_change (run_date, account, address, stage, seq, change, reason, cause, diagnostic,
                                            changed_at)
                SELECT ?, account, address, ?, 1, 'suspension_expired', suspended_reason, 'block', NULL, suspended_until
                FROM address_state WHERE suspended_until <= ?""", runDate, EXPIRY_STAGE, end);
        return jdbc.update("""
                UPDATE address_state SET suspended_since = NULL, suspended_until = NULL, suspended_reason = NULL
                WHERE suspended_until <= ?""", end);
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
