package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.BounceLedgerApplication;

/**
 * The real application in its own JVM, killed with SIGKILL in the middle of ingest, then relaunched: the
 * relaunch recovers the execution left running, resumes it, and the outputs equal an uninterrupted run's.
 */
class KilledProcessTest {

    static final String DAY = NightlyJobTest.DAY;
    static final int MESSAGES = 300_000;

    @TempDir
    Path folder;

    @Test
    void aRunKilledMidIngestIsRecoveredAndResumedByTheNextLaunch() throws Exception {
        Path input = folder.resolve("input");
        SyntheticDay.write(input.resolve(DAY).resolve("day-1.csv"), 0, MESSAGES / 2);
        SyntheticDay.write(input.resolve(DAY).resolve("day-2.csv"), MESSAGES / 2, MESSAGES / 2);
        NightlyRun reference = new NightlyRun(folder.resolve("reference")).with("--bounce-ledger.chunk-size=2000")
                .with("--bounce-ledger.block-records=250");
        NightlyRun.copyTree(input, reference.input);
        assertThat(reference.launch(DAY).exitCode()).isZero();

        Path run = folder.resolve("killed");
        NightlyRun.copyTree(input, run.resolve("input"));
        Process first = start(run, "first.log");
        waitForSpill(run.resolve("state/spill").resolve(DAY), first);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        assertThat(run.resolve("output").resolve(DAY)).doesNotExist();

        Process second = start(run, "second.log");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(run.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("was left STARTED by a process that died; marking it failed and resuming");

        NightlyRun resumed = new NightlyRun(run);
        RestartTest.assertSameOutputs(resumed, reference, DAY);
        assertThat(resumed.sheet(DAY, "Email Performance").get(0)).contains("Sent");
    }

    private static Process start(Path run, String logName) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                BounceLedgerApplication.class.getName(),
                "--bounce-ledger.input-root=" + run.resolve("input"),
                "--bounce-ledger.output-root=" + run.resolve("output"),
                "--bounce-ledger.state-dir=" + run.resolve("state"),
                "--bounce-ledger.chunk-size=2000", // eight blocks of 250 records a chunk, processed concurrently
                "--bounce-ledger.block-records=250",
                "runDate=" + DAY));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(run.resolve(logName).toFile())
                .start();
    }

    /** Waits until ingest has committed some chunks but is far from done. */
    private static void waitForSpill(Path spill, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the run ended before it could be killed: make the day larger").isTrue();
            if (size(spill) > 2_000_000) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("ingest did not start within 60 s");
    }

    private static long size(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
