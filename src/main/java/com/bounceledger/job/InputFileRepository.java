package com.bounceledger.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogFormat;
import com.bounceledger.report.RejectedRow;

/**
 * The day's input files as recorded at the run's first attempt, their row counts, and how much of each ingest has
 * read (with the checksum of those bytes, written with each checkpoint).
 */
public class InputFileRepository {

    private static final int MAX_RAW_LINE = 1000;

    private final JdbcTemplate jdbc;

    public InputFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<LogFile> find(LocalDate runDate, Path dayFolder) {
        return jdbc.query("""
                SELECT file_index, file_name, size_bytes, format FROM input_file
                WHERE run_date = ? ORDER BY file_index""",
                (rs, row) -> new LogFile(rs.getInt(1), dayFolder.resolve(rs.getString(2)), rs.getLong(3),
                        rs.getString(4) == null ? null : LogFormat.valueOf(rs.getString(4))),
                runDate);
    }

    /** Records the files at the run's first attempt, none of them read yet. */
    public void record(LocalDate runDate, List<LogFile> files) {
        jdbc.batchUpdate("""
                INSERT INTO input_file (run_date, file_index, file_name, size_bytes, format) VALUES (?, ?, ?, ?, ?)""",
                files, files.size(), (ps, file) -> {
                    ps.setObject(1, runDate);
                    ps.setInt(2, file.index());
                    ps.setString(3, file.name());
                    ps.setLong(4, file.sizeBytes());
                    ps.setString(5, file.format() == null ? null : file.format().name());
                });
        jdbc.batchUpdate("INSERT INTO input_read (run_date, file_index, read_bytes, checksum) VALUES (?, ?, 0, 0)",
                files, files.size(), (ps, file) -> {
                    ps.setObject(1, runDate);
                    ps.setInt(2, file.index());
                });
    }

    /**
     * How far ingest has read each of these files, in the transaction of the checkpoint that reached there. A day
     * recorded by a build before input_read has no row to update: its restarts check the whole files.
     */
    public void recordReads(LocalDate runDate, List<Read> reads) {
        jdbc.batchUpdate("UPDATE input_read SET read_bytes = ?, checksum = ? WHERE run_date = ? AND file_index = ?",
                reads, reads.size(), (ps, read) -> {
                    ps.setLong(1, read.bytes());
                    ps.setLong(2, read.checksum());
                    ps.setObject(3, runDate);
                    ps.setInt(4, read.fileIndex());
                });
    }

    /** What a restart checks of each file read before, by file index. */
    public Map<Integer, ReadCheck> readChecks(LocalDate runDate) {
        Map<Integer, ReadCheck> checks = new HashMap<>();
        jdbc.query("""
                SELECT f.file_index, f.checksum, r.read_bytes, r.checksum FROM input_file f
                LEFT JOIN input_read r ON r.run_date = f.run_date AND r.file_index = f.file_index
                WHERE f.run_date = ?""",
                (RowCallbackHandler) rs -> checks.put(rs.getInt(1), new ReadCheck(
                        rs.getObject(2) == null ? null : rs.getLong(2), rs.getLong(3), rs.getLong(4))),
                runDate);
        return checks;
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

    /**
     * @param bytes    the file's content (decompressed) read so far
     * @param checksum their CRC32C
     */
    public record Read(int fileIndex, long bytes, long checksum) {
    }

    /**
     * @param wholeFileChecksum the CRC32C of the whole file that builds before input_read took at the first
     *                          attempt, or null
     * @param readBytes         the content read by the attempts before, whose CRC32C is {@code readChecksum}
     */
    public record ReadCheck(Long wholeFileChecksum, long readBytes, long readChecksum) {
    }

    /** @param rowsRead every record read, rejected ones included */
    public record RowCounts(long rowsRead, long rowsRejected, long inputBytes) {
    }
}
