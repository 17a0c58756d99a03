package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once for the ledger: the ten nights of {@link LedgerScenarioTest}, with a failure injected on most
 * nights at a different point (ingest, overrides, settlement, outputs), each relaunched, give after
 * every night the files and the stored ledger of the same nights run without failure.
 */
class LedgerRestartTest {

    /** Night -> the statement whose n-th execution fails that night. */
    private static final Map<Integer, Fault> FAULTS = Map.of(
            1, new Fault("UPDATE input_file", 2),                    // ingest, mid-file (chunks of 3 rows)
            2, new Fault("INSERT INTO address_state", 1),            // settlement, new ledger rows
            3, new Fault("INSERT INTO address_change", 2),           // settlement, audit trail
            4, new Fault("DELETE FROM address_state", 1),            // settlement, tia's suspension ends: no status left
            5, new Fault("INSERT INTO rejected_row", 1),             // overrides that cannot apply
            6, new Fault("INSERT INTO campaign_day", 2),             // settlement, after one bucket committed
            7, new Fault("(invalid_since IS NOT NULL OR", 1), // writing the outputs
            8, new Fault("DELETE FROM address_state", 1),            // the overrides' reset of pat: no status left
            9, new Fault("UPDATE address_state SET invalid_since", 1)); // settlement, stored statuses

    @TempDir
    Path folder;

    @AfterEach
    void clearFaults() {
        FaultInjection.clear();
    }

    @Test
    void tenNightsWithFailuresGiveTheFilesAndLedgerOfTenNightsWithout() {
        NightlyRun reference = new NightlyRun(folder.resolve("reference")).withFixture("ledger-ten-days");
        NightlyRun run = new NightlyRun(folder.resolve("restarted")).withFixture("ledger-ten-days");
        for (int day = 1; day <= 10; day++) {
            String date = String.format("2026-11-%02d", day);
            assertThat(reference.launch(date).exitCode()).isZero();
            Fault fault = FAULTS.get(day);
            if (fault != null) {
                FaultInjection.failOnExecution(fault.sqlFragment(), fault.execution());
                NightlyRun.Result failed = run.launch(date, FaultInjection.class);
                FaultInjection.clear();
                assertThat(failed.exitCode()).as("night %d fails", day).isEqualTo(1);
                assertThat(failed.stderr()).as("night %d", day).contains("injected failure");
            }
            assertThat(run.launch(date).exitCode()).as("night %d", day).isZero();
            RestartTest.assertSameOutputs(run, reference, date);
        }
    }

    private record Fault(String sqlFragment, int execution) {
    }
}
