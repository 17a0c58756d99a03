package com.bounceledger.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.report.CampaignMetrics;
import com.bounceledger.report.DayReport;
import com.bounceledger.report.DomainMetrics;
import com.bounceledger.report.DomainRanking;
import com.bounceledger.report.ReasonMetrics;
import com.bounceledger.report.RejectedRow;
import com.bounceledger.report.SuppressionChange;
import com.bounceledger.report.SuppressionEntry;
import com.bounceledger.report.TrendDay;

/** Reads the committed state that a run's outputs are written from; large lists are streamed. */
public class DayReportRepository {

    /**
     * The ledger rows with at least one active suppression (SPEC 6.2) in a range of address hashes, in the table's
     * key order; the parameters are the end of the run date and the range. Each row gives one line per status, see
     * {@link #suppressions}.
     */
    private static final String SUPPRESSED_STATES = """
                SELECT account, address, invalid_since, invalid_reason, invalid_cause, suspended_since, suspended_until,
                       suspended_reason, complained_at, unsubscribed_at, manual_since
                  FROM address_state
                 WHERE (invalid_since IS NOT NULL OR suspended_until > ? OR complained_at IS NOT NULL
                        OR unsubscribed_at IS NOT NULL OR manual_since IS NOT NULL)
                   AND addr_hash >= ? AND addr_hash < ?""";

    /**
     * The large reads go a slice of the address hashes at a time: HSQLDB builds a query's whole result before it
     * returns the first row, and keeps a result of more than 20,000 rows ({@code hsqldb.result_max_memory_rows}) in
     * a table on disk. On the fourth 10M-message night the suppression file's 650,502 rows took 5.3 s to read in
     * one query and 2.3 s in slices, and the day's 836,001 changes 11.7 s and 6.5 s.
     */
    private static final int SLICES = SpillLayout.MAX_BUCKETS;

    private final JdbcTemplate jdbc;
    private final AddressShards suspensions;

    public DayReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.suspensions = AddressShards.suspensions(jdbc);
    }

    /**
     * @param ledgerChanges the day's ledger changes counted by kind, in the order of their names
     * @param topDomains    how many domains to list before "other"
     * @param trendDays     how many run dates of history, up to this one
     */
    public DayReport load(LocalDate runDate, Instant generatedAt, Map<String, Long> ledgerChanges, int topDomains,
                          int trendDays) {
        List<DayReport.InputFileRow> files = jdbc.query("""
                SELECT file_name, format, size_bytes, rows_read, rows_rejected FROM input_file
                WHERE run_date = ? ORDER BY file_index""",
                (rs, i) -> new DayReport.InputFileRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)), runDate);
        return new DayReport(runDate, generatedAt, files, campaigns(runDate), reasons(runDate), ledgerChanges,
                domains(runDate, topDomains), trend(runDate, trendDays));
    }

    public List<CampaignMetrics> campaigns(LocalDate runDate) {
        return jdbc.query("""
                SELECT account, campaign, SUM(sent), SUM(delivered), SUM(hard), SUM(soft), SUM(blocked), SUM(pending),
                       SUM(deferred), SUM(opened), SUM(clicked), SUM(unsubscribed), SUM(complained)
                FROM campaign_day WHERE run_date = ? GROUP BY account, campaign ORDER BY account, campaign""",
                (rs, i) -> new CampaignMetrics(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13)), runDate);
    }

    private List<ReasonMetrics> reasons(LocalDate runDate) {
        return jdbc.query("""
                SELECT reason, grp, SUM(messages), MIN(example) FROM reason_day WHERE run_date = ?
                GROUP BY reason, grp ORDER BY SUM(messages) DESC, reason""",
                (rs, i) -> new ReasonMetrics(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                runDate);
    }

    /** Largest first (by messages sent), so the ranking keeps only the top rows and one sum of the rest. */
    private List<DomainMetrics> domains(LocalDate runDate, int top) {
        DomainRanking ranking = new DomainRanking(top);
        jdbc.query("""
                SELECT domain, SUM(sent), SUM(delivered), SUM(hard), SUM(soft), SUM(blocked) FROM domain_day
                WHERE run_date = ? GROUP BY domain ORDER BY SUM(sent) DESC, domain""",
                rs -> {
                    ranking.add(new DomainMetrics(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }, runDate);
        return ranking.rows();
    }

    /** The last run dates with metrics, up to this one, oldest first. */
    private List<TrendDay> trend(LocalDate runDate, int days) {
        List<TrendDay> trend = new ArrayList<>(jdbc.query("""
                SELECT run_date, SUM(sent), SUM(delivered), SUM(hard) + SUM(soft) + SUM(blocked), SUM(complained)
                FROM campaign_day WHERE run_date <= ? GROUP BY run_date ORDER BY run_date DESC
                FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> new TrendDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)), runDate, days));
        Collections.reverse(trend);
        return trend;
    }

    /**
     * Every ledger change of the run date with its stage, its number and the suspension in force after the run (the
     * suppression changes show a suspension's start and end), in the audit trail's key order (by address hash). A
     * slice's suspension ends come from its suspension shard, and a change looks its ledger row up only for an
     * extension's start: on the fourth 10M-message night, reading the 836,001 changes each joined to its row took
     * 4.6 s, and 1.7 s without the join.
     */
    public void forEachChange(LocalDate runDate, Consumer<DayChange> sink) {
        Map<LedgerRepository.AddressKey, Instant> suspensionEnds = new HashMap<>();
        forEachInSlices("""
                SELECT c.stage, c.seq, c.account, c.address, c.change, c.reason, c.cause, c.diagnostic, c.changed_at,
                       CASE WHEN c.change = 'suspension_extended' THEN
                           (SELECT s.suspended_since FROM address_state s
                             WHERE s.addr_hash = c.addr_hash AND s.account = c.account AND s.address = c.address)
                       END
                FROM address_change c
                WHERE c.run_date = ? AND c.addr_hash >= ? AND c.addr_hash < ?""", runDate,
                (fromHash, toHash) -> {
                    suspensionEnds.clear();
                    suspensions.forEachIn(fromHash, toHash, suspensionEnds::put);
                },
                rs -> {
                    AddressChange change = new AddressChange(rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9));
                    sink.accept(new DayChange(rs.getInt(1), rs.getInt(2), change, instant(rs, 10),
                            suspensionEnds.get(new LedgerRepository.AddressKey(change.account(), change.address()))));
                });
    }

    /**
     * Runs a query over every slice of the address hashes in order, with one statement.
     *
     * @param sql         its parameters: {@code first}, then the slice's first hash and the next slice's
     * @param sliceStarts told each slice's first hash and the next slice's, before the slice's rows
     */
    private void forEachInSlices(String sql, Object first, BiConsumer<Long, Long> sliceStarts,
                                 RowCallbackHandler handler) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, first);
                for (int slice = 0; slice < SLICES; slice++) {
                    long fromHash = AddressHash.bucketStart(slice, SLICES);
                    long toHash = AddressHash.bucketStart(slice + 1, SLICES);
                    sliceStarts.accept(fromHash, toHash);
                    statement.setLong(2, fromHash);
                    statement.setLong(3, toHash);
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
     * A row of the day's audit trail: the stage of the run that made it and its number within the stage, and the
     * suspension of its address in force after the run: its end, and for an extension its start (the suppression
     * changes show them).
     */
    public record DayChange(int stage, int seq, AddressChange change, Instant suspendedSince, Instant suspendedUntil) {

        /** @return what the change does to the suppression file, or null when the file does not show it */
        public SuppressionChange suppressionChange() {
            return SuppressionChanges.of(change, suspendedSince, suspendedUntil);
        }
    }

    public void forEachRejected(LocalDate runDate, Consumer<RejectedRow> sink) {
        jdbc.query("""
                SELECT r.file_name, r.line_no, r.error, r.raw_line FROM rejected_row r
                LEFT JOIN input_file f ON f.run_date = r.run_date AND f.file_name = r.file_name
                WHERE r.run_date = ? ORDER BY COALESCE(f.file_index, -1), r.file_name, r.line_no""",
                rs -> {
                    sink.accept(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }, runDate);
    }

    /** The active suppressions after the run, in the ledger's key order (the suppression file sorts them). */
    public void forEachSuppression(Instant endOfRunDate, Consumer<SuppressionEntry> sink) {
        forEachInSlices(SUPPRESSED_STATES, endOfRunDate.atOffset(ZoneOffset.UTC), (fromHash, toHash) -> { },
                rs -> suppressions(rs, endOfRunDate, sink));
    }

    /** How many lines the suppression file has: the same lines, counted instead of written. */
    public long countSuppressions(Instant endOfRunDate) {
        long[] lines = {0};
        forEachSuppression(endOfRunDate, entry -> lines[0]++);
        return lines[0];
    }

    /** The lines of one ledger row, in the order of their status names. */
    private static void suppressions(ResultSet rs, Instant endOfRunDate, Consumer<SuppressionEntry> sink)
            throws SQLException {
        String account = rs.getString(1);
        String address = rs.getString(2);
        Instant invalidSince = instant(rs, 3);
        Instant suspendedUntil = instant(rs, 7);
        Instant complainedAt = instant(rs, 9);
        Instant unsubscribedAt = instant(rs, 10);
        Instant manualSince = instant(rs, 11);
        if (complainedAt != null) {
            sink.accept(new SuppressionEntry(account, address, "complained", null, "complaint", complainedAt, null));
        }
        if (invalidSince != null) {
            sink.accept(new SuppressionEntry(account, address,
                    AddressState.ALL_ACCOUNTS.equals(account) ? "global" : "invalid", rs.getString(4), rs.getString(5),
                    invalidSince, null));
        }
        if (manualSince != null) {
            sink.accept(new SuppressionEntry(account, address, "manual", null, "manual_override", manualSince, null));
        }
        if (suspendedUntil != null && suspendedUntil.isAfter(endOfRunDate)) {
            sink.accept(new SuppressionEntry(account, address, "suspended", rs.getString(8), "block", instant(rs, 6),
                    suspendedUntil));
        }
        if (unsubscribedAt != null) {
            sink.accept(new SuppressionEntry(account, address, "unsubscribed", null, "unsubscribe", unsubscribedAt,
                    null));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
