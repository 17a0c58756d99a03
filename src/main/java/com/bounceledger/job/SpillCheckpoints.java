package com.bounceledger.job;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Each ingest partition's spill-file lengths at its last checkpoint, written in the chunk's transaction. They
 * are kept out of the step's execution context: with hundreds of buckets the context passes the 2,500
 * characters that Spring Batch keeps inline and goes to a CLOB, and two partitions writing CLOBs at once
 * deadlocked (HSQLDB's LOB tables are shared, and the job repository serialises context updates) on the
 * 10M-message day.
 */
public class SpillCheckpoints {

    private final JdbcTemplate jdbc;

    public SpillCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the lengths committed last, or all zero when the partition has not committed a chunk */
    long[] committed(LocalDate runDate, int partition, int buckets) {
        List<String> lengths = jdbc.queryForList(
                "SELECT lengths FROM spill_checkpoint WHERE run_date = ? AND partition_index = ?", String.class,
                runDate, partition);
        return lengths.isEmpty() ? new long[buckets] : parse(lengths.get(0));
    }

    private static long[] parse(String lengths) {
        return Arrays.stream(lengths.split(",")).mapToLong(Long::parseLong).toArray();
    }

    /** @return every partition's lengths committed last, by partition (the input file's index) */
    Map<Integer, long[]> all(LocalDate runDate) {
        Map<Integer, long[]> lengths = new HashMap<>();
        jdbc.query("SELECT partition_index, lengths FROM spill_checkpoint WHERE run_date = ?",
                (RowCallbackHandler) rs -> lengths.put(rs.getInt(1), parse(rs.getString(2))), runDate);
        return lengths;
    }

    void save(LocalDate runDate, int partition, long[] lengths) {
        jdbc.update("""
                MERGE INTO spill_checkpoint t
                USING (VALUES (CAST(? AS DATE), CAST(? AS INT), CAST(? AS VARCHAR(32000)))) AS v (run_date, partition_index, lengths)
                ON t.run_date = v.run_date AND t.partition_index = v.partition_index
                WHEN MATCHED THEN UPDATE SET lengths = v.lengths
                WHEN NOT MATCHED THEN INSERT VALUES (v.run_date, v.partition_index, v.lengths)""",
                runDate, partition, Arrays.stream(lengths).mapToObj(Long::toString).collect(Collectors.joining(",")));
    }

    /** Once the day is complete, with its spill files. */
    void delete(LocalDate runDate) {
        jdbc.update("DELETE FROM spill_checkpoint WHERE run_date = ?", runDate);
    }
}
