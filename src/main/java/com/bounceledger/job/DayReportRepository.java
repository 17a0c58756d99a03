package com.bounceledger.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

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
     * The ledger rows with at least one active suppression (SPEC 6.2), read in one pass over the table in its key
     * order; the parameter is the end of the run date. Each row gives one line per status, see
     * {@link #suppressions}.
     */
    private static final String SUPPRESSED_STATES = """
                SELECT account, address, invalid_since, invalid_reason, invalid_cause, suspended_since, suspended_until,
                       suspended_reason, complained_at, unsubscribed_at, manual_since
                  FROM address_state
                 WHERE invalid_since IS NOT NULL OR suspended_until > ? OR complained_at IS NOT NULL
                       OR unsubscribed_at IS NOT NULL OR manual_since IS NOT NULL""";

    private final JdbcTemplate jdbc;

    public DayReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param topDomains how many domains to list before "other"
     * @param trendDays  how many run dates of history, up to this one
     */
    public DayReport load(LocalDate runDate, Instant generatedAt, int topDomains, int trendDays) {
        List<DayReport.InputFileRow> files = jdbc.query("""
                SELECT file_name, format, size_bytes, rows_read, rows_rejected FROM input_file
                WHERE run_date = ? ORDER BY file_index""",
                (rs, i) -> new DayReport.InputFileRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)), runDate);
        return new DayReport(runDate, generatedAt, files, campaigns(runDate), reasons(runDate), ledgerChanges(runDate),
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

    private Map<String, Long> ledgerChanges(LocalDate runDate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT change, COUNT(*) FROM address_change WHERE run_date = ? GROUP BY change ORDER BY change",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runDate);
        return counts;
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
     * Every ledger change of the run date with its stage and number, in the audit trail's key order (by address
     * hash): the outputs sort them by account and address.
     */
    public void forEachChange(LocalDate runDate, Consumer<Numbered<AddressChange>> sink) {
        jdbc.query("""
                SELECT stage, seq, account, address, change, reason, cause, diagnostic, changed_at FROM address_change
                WHERE run_date = ?""",
                rs -> {
                    sink.accept(new Numbered<>(rs.getInt(1), rs.getInt(2), new AddressChange(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            instant(rs, 9))));
                }, runDate);
    }

    /** A row of the day's audit trail: the stage of the run that made it, and its number within the stage. */
    public record Numbered<T>(int stage, int seq, T value) {
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
        jdbc.query(SUPPRESSED_STATES, rs -> {
            suppressions(rs, endOfRunDate, sink);
        }, endOfRunDate.atOffset(ZoneOffset.UTC));
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

    /**
     * The day's ledger changes that add, update or remove a suppression, in the audit trail's key order, which is
     * the ledger's too: each change finds its ledger row near the previous one.
     */
    public void forEachSuppressionChange(LocalDate runDate, Consumer<Numbered<SuppressionChange>> sink) {
        jdbc.query("""
                SELECT c.change, c.account, c.address, c.reason, c.cause, c.changed_at, s.suspended_since, s.suspended_until,
                       c.stage, c.seq
                FROM address_change c
                LEFT JOIN address_state s ON s.addr_hash = c.addr_hash AND s.account = c.account AND s.address = c.address
                WHERE c.run_date = ?""",
                rs -> {
                    SuppressionChange change = SuppressionChanges.of(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8));
                    if (change != null) {
                        sink.accept(new Numbered<>(rs.getInt(9), rs.getInt(10), change));
                    }
                }, runDate);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
