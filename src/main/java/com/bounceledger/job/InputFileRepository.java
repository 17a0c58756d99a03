package com.bounceledger.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogFormat;
import com.bounceledger.report.RejectedRow;

/** The day's input files as recorded at the run's first attempt, and their row counts. */
public class InputFileRepository {

    private static final int MAX_RAW_LINE = 1000;

    private final JdbcTemplate jdbc;

    public InputFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<LogFile> find(LocalDate runDate, Path dayFolder) {
        return jdbc.query("""
                SELECT file_index, file_name, size_bytes, checksum, format FROM input_file
                WHERE run_date = ? ORDER BY file_index""",
                (rs, row) -> new LogFile(rs.getInt(1), dayFolder.resolve(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                        rs.getString(5) == null ? null : LogFormat.valueOf(rs.getString(5))),
                runDate);
    }

    public void record(LocalDate runDate, List<LogFile> files) {
        jdbc.batchUpdate("""
                INSERT INTO input_file (run_date, file_index, file_name, size_bytes, checksum, format)
                VALUES (?, ?, ?, ?, ?, ?)""",
                files, files.size(), (ps, file) -> {
                    ps.setObject(1, runDate);
                    ps.setInt(2, file.index());
                    ps.setString(3, file.name());
                    ps.setLong(4, file.sizeBytes());
                    ps.setLong(5, file.checksum());
                    ps.setString(6, file.format() == null ? null : file.format().name());
                });
    }

    public void addCounts(LocalDate runDate, int fileIndex, long rows, long rejected) {
        jdbc.update("""
                UPDATE input_file SET rows_read = rows_read + ?, rows_rejected = rows_rejected + ?
                WHERE run_date = ? AND file_index = ?""", rows, rejected, runDate, fileIndex);
    }

    /** Rejected rows, for the rejects file; the raw line is cut to 1,000 characters (SPEC 2.4). */
    public void insertRejected(LocalDate runDate, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO rejected_row (run_date, file_name, line_no, error, raw_line) VALUES (?, ?, ?, ?, ?)""",
                rows, rows.size(), (ps, row) -> {
                    ps.setObject(1, runDate);
                    ps.setString(2, row.file());
                    ps.setLong(3, row.line());
                    ps.setString(4, row.error());
                    ps.setString(5, row.raw() == null || row.raw().length() <= MAX_RAW_LINE ? row.raw()
                            : row.raw().substring(0, MAX_RAW_LINE));
                });
    }

    public RowCounts totals(LocalDate runDate) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(rows_read), 0), COALESCE(SUM(rows_rejected), 0), COALESCE(SUM(size_bytes), 0)
                FROM input_file WHERE run_date = ?""",
                (rs, row) -> new RowCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), runDate);
    }

    /** @param rowsRead every record read, rejected ones included */
    public record RowCounts(long rowsRead, long rowsRejected, long inputBytes) {
    }
}
