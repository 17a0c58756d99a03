package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.bounceledger.BounceLedgerApplication;

/**
 * The real application in its own JVM, killed with SIGKILL, then relaunched: the relaunch recovers the execution
 * left running, resumes it, and the outputs and the ledger equal an uninterrupted run's. Killed in the middle of
 * ingest (when it has spilled a few megabytes), or at a chosen statement of settlement or of the outputs on the
 * second of three generated nights, where the ledger holds the first night's addresses.
 */
class KilledProcessTest {

    static final String DAY = NightlyJobTest.DAY;
    static final int MESSAGES = 300_000;
    private static final List<String> NIGHTS = List.of("2026-11-21", "2026-11-22", "2026-11-23");
    /** Few enough that a generated day spills into the fewest buckets, four (SpillLayout). */
    private static final int GENERATED_MESSAGES = 20_000;
    private static final List<String> SETTINGS = List.of(
            "--bounce-ledger.chunk-size=2000", // eight blocks of 250 records a chunk, processed concurrently
            "--bounce-ledger.block-records=250");

    @TempDir
    Path folder;

    @TempDir
    static Path generated;

    /** The uninterrupted run as it stood after the second night, and after the third. */
    private static NightlyRun afterTwoNights;
    private static NightlyRun afterThreeNights;

    /** Three generated nights, run once without a kill: the reference of every kill on the second. */
    @BeforeAll
    static void runThreeNightsUninterrupted() {
        assertThat(BounceLedgerApplication.launch(new String[] {"generate", "--start=" + NIGHTS.get(0),
                "--days=" + NIGHTS.size(), "--messages=" + GENERATED_MESSAGES, "--accounts=5",
                "--out=" + generated.resolve("input")})).isZero();
        afterThreeNights = configured(new NightlyRun(generated.resolve("three-nights")));
        NightlyRun.copyTree(generated.resolve("input"), afterThreeNights.input);
        for (String night : NIGHTS) {
            assertThat(afterThreeNights.launch(night).exitCode()).as(night).isZero();
            if (night.equals(NIGHTS.get(1))) {
                NightlyRun.copyTree(generated.resolve("three-nights"), generated.resolve("two-nights"));
                afterTwoNights = configured(new NightlyRun(generated.resolve("two-nights")));
            }
        }
    }

    @Test
    void aRunKilledMidIngestIsRecoveredAndResumedByTheNextLaunch() throws Exception {
        Path input = folder.resolve("input");
        SyntheticDay.write(input.resolve(DAY).resolve("day-1.csv"), 0, MESSAGES / 2);
        SyntheticDay.write(input.resolve(DAY).resolve("day-2.csv"), MESSAGES / 2, MESSAGES / 2);
        NightlyRun reference = configured(new NightlyRun(folder.resolve("reference")));
        NightlyRun.copyTree(input, reference.input);
        assertThat(reference.launch(DAY).exitCode()).isZero();

        Path run = folder.resolve("killed");
        NightlyRun.copyTree(input, run.resolve("input"));
        Process first = start(run, "first.log", DAY);
        waitForSpill(run.resolve("state/spill").resolve(DAY), first);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        assertThat(run.resolve("output").resolve(DAY)).doesNotExist();

        Process second = start(run, "second.log", DAY);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(run.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("was left STARTED by a process that died; marking it failed and resuming");

        NightlyRun resumed = new NightlyRun(run);
        RestartTest.assertSameOutputs(resumed, reference, DAY);
        assertThat(resumed.sheet(DAY, "Email Performance").get(0)).contains("Sent");
    }

    /**
     * @param point where the kill falls: the n-th execution of a statement containing {@code fragment}
     * @param committedBucketsDurable whether the kill waits until the commits before that point are on disk:
     *        HSQLDB writes its log through a buffer that it flushes every 500 ms (its write delay), so a kill
     *        loses the transactions committed in the last half second, together with their checkpoints
     * @param bucketsLeft how many of the night's four buckets the relaunch settles, when the kill waited
     */
    @ParameterizedTest(name = "killed in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            settle, two buckets committed, the third writing              | INSERT INTO campaign_day      | 3 | true  | 2
            settle, a bucket committed, the second's statuses written     | UPDATE engagement_shard SET   | 2 | true  | 3
            settle, killed at once, the last half second of commits lost  | INSERT INTO campaign_day      | 3 | false |
            writeOutputs, settlement committed                            | (invalid_since IS NOT NULL OR | 1 | true  | 0""")
    void aSecondNightKilledAtAChosenPointResumesWithNothingLostAndNothingCountedTwice(String point, String fragment,
            int execution, boolean committedBucketsDurable, Integer bucketsLeft) throws Exception {
        Path runFolder = folder.resolve("killed");
        NightlyRun run = configured(new NightlyRun(runFolder));
        NightlyRun.copyTree(generated.resolve("input"), run.input);
        assertThat(run.launch(NIGHTS.get(0)).exitCode()).isZero();

        String night = NIGHTS.get(1);
        Path marker = runFolder.resolve("frozen");
        Process first = start(runFolder, "first.log", night, FrozenLaunch.class, fragment.strip(),
                String.valueOf(execution), marker.toString(), committedBucketsDurable ? "1500" : "0");
        waitUntilFrozen(marker, first, runFolder.resolve("first.log"));
        first.destroyForcibly(); // SIGKILL at the frozen statement: no shutdown hook, no commit, no cleanup
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);

        Process second = start(runFolder, "second.log", night);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(runFolder.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("was left STARTED by a process that died; marking it failed and resuming");
        List<String> settledPerExecution = run.rows("""
                SELECT (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                        WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME LIKE 'settleBuckets:%')
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p USING (JOB_EXECUTION_ID)
                WHERE p.PARAMETER_NAME = 'runDate' AND p.PARAMETER_VALUE = '""" + night + """
                ' ORDER BY e.JOB_EXECUTION_ID""", 1);
        assertThat(settledPerExecution).as("the killed execution and the relaunch").hasSize(2);
        assertThat(settledPerExecution.stream().mapToInt(Integer::parseInt).sum()).as("buckets settled, each once")
                .isEqualTo(4);
        if (bucketsLeft != null) {
            assertThat(settledPerExecution.get(settledPerExecution.size() - 1)).as("buckets settled by the relaunch")
                    .isEqualTo(String.valueOf(bucketsLeft));
        }
        RestartTest.assertSameOutputs(run, afterTwoNights, night);

        // What the killed night left for the next (pending messages, suspensions, soft counts) is as uninterrupted.
        assertThat(run.launch(NIGHTS.get(2)).exitCode()).isZero();
        RestartTest.assertSameOutputs(run, afterThreeNights, NIGHTS.get(2));
    }

    private static NightlyRun configured(NightlyRun run) {
        SETTINGS.forEach(run::with);
        return run;
    }

    private static Process start(Path run, String logName, String runDate) throws IOException {
        return start(run, logName, runDate, BounceLedgerApplication.class);
    }

    /** Launches {@code mainClass} with {@code leadingArgs}, then the job's folders, settings and run date. */
    private static Process start(Path run, String logName, String runDate, Class<?> mainClass,
                                 String... leadingArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(leadingArgs));
        command.addAll(List.of(
                "--bounce-ledger.input-root=" + run.resolve("input"),
                "--bounce-ledger.output-root=" + run.resolve("output"),
                "--bounce-ledger.state-dir=" + run.resolve("state")));
        command.addAll(SETTINGS);
        command.add("runDate=" + runDate);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(run.resolve(logName).toFile())
                .start();
    }

    /** Waits until the process has frozen at its chosen statement. */
    private static void waitUntilFrozen(Path marker, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(marker)) {
            assertThat(process.isAlive()).as("the run ended without reaching its frozen statement: %s",
                    Files.exists(log) ? Files.readString(log) : "no log").isTrue();
            assertThat(System.nanoTime()).as("the run did not reach its frozen statement within 120 s").isLessThan(deadline);
            Thread.sleep(10);
        }
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
