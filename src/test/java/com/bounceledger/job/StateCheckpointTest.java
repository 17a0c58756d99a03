package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HSQLDB's automatic checkpoint stops every statement until the transactions in progress end. One that fell
 * while a partition waited, in its open transaction, for a lock that the other held (Spring Batch's
 * execution-context DAO lock) hung a 10M settle run. The job turns it off and checkpoints after each partitioned
 * step.
 */
class StateCheckpointTest {

    static final String DAY = NightlyJobTest.DAY;

    @TempDir
    Path folder;

    @Test
    void aStateThatAsksForACheckpointEveryMegabyteRunsWithTheAutomaticCheckpointOff() throws Exception {
        Path state = folder.resolve("state");
        NightlyRun run = new NightlyRun(folder)
                .with("--bounce-ledger.chunk-size=500")
                .with("--bounce-ledger.block-records=100")
                .with("--spring.datasource.url=" + StateDatabase.jobUrl(state) + ";hsqldb.log_size=1");
        SyntheticDay.write(run.input.resolve(DAY).resolve("day-1.csv"), 0, 100_000);
        SyntheticDay.write(run.input.resolve(DAY).resolve("day-2.csv"), 100_000, 100_000);

        NightlyRun.Result result = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> run.launch(DAY));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // 4,000 (account, address) pairs hard-bounced (every 50th message), 2,286 others blocked (every 70th)
        List<String> suppression = run.csv(DAY, "suppression");
        assertThat(suppression).hasSize(1 + 4_000 + 2_286);
        assertThat(suppression).filteredOn(line -> line.contains(",suspended,blocked,")).hasSize(2_286);
        assertThat(logSizeLimitInMegabytes(state)).isZero();
    }

    @Test
    void theCheckpointAfterAStepEmptiesTheLog() throws Exception {
        Path state = folder.resolve("state");
        try (StateDatabase database = new StateDatabase(state)) {
            database.jdbc.batchUpdate("INSERT INTO state_upgrade VALUES (?, CURRENT_TIMESTAMP)",
                    List.of(new Object[] {"first"}, new Object[] {"second"}));
            Path log = state.resolve("ledger.log");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.size(log) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50); // HSQLDB flushes its log every half second
            }
            assertThat(Files.size(log)).isPositive();

            new StateCheckpoint(database.dataSource).afterStep(null);

            assertThat(Files.size(log)).isZero();
            assertThat(database.jdbc.queryForObject("SELECT COUNT(*) FROM state_upgrade", Integer.class)).isEqualTo(2);
        }
    }

    /** Read on a connection of its own, without the schema script, which sets it. */
    private static int logSizeLimitInMegabytes(Path state) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:hsqldb:file:" + state.resolve("ledger") + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                             + " WHERE PROPERTY_NAME = 'hsqldb.log_size'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
