package com.bounceledger.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;

/**
 * {@code step-times STATE_DIR}: the wall time of each step (and partition) of the last job execution,
 * read from the job repository in the state database after the job has ended.
 */
public final class StepTimes {

    private static final String LAST_EXECUTION_STEPS = """
            SELECT STEP_NAME, START_TIME, END_TIME, READ_COUNT, COMMIT_COUNT FROM BATCH_STEP_EXECUTION
            WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
            ORDER BY STEP_EXECUTION_ID""";

    private StepTimes() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: step-times STATE_DIR");
            return 2;
        }
        // The job's own URL (application.properties), read-only: the job must have ended.
        String url = "jdbc:hsqldb:file:" + Path.of(args[0]).resolve("ledger")
                + ";hsqldb.lock_file=false;readonly=true;shutdown=true";
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
             Statement statement = connection.createStatement();
             ResultSet steps = statement.executeQuery(LAST_EXECUTION_STEPS)) {
            while (steps.next()) {
                String name = steps.getString(1);
                Timestamp start = steps.getTimestamp(2);
                Timestamp end = steps.getTimestamp(3);
                double seconds = start == null || end == null ? Double.NaN
                        : (end.getTime() - start.getTime()) / 1000.0;
                // Partitions are named "worker:partition"; they are indented under their step.
                out.printf(Locale.ROOT, "step: %-28s %8.1f s  read=%d commits=%d%n",
                        name.contains(":") ? "  " + name : name, seconds, steps.getLong(4), steps.getLong(5));
            }
            return 0;
        } catch (SQLException e) {
            err.println("step-times: " + e.getMessage());
            return 1;
        }
    }
}
