package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.FileSystemUtils;

import com.bounceledger.ingest.LogFile;

/**
 * Exactly-once: a run that fails at any point and is relaunched produces the same outputs as a run that
 * never failed. Chunks of 3 records make the fixture day a dozen ingest checkpoints.
 */
class RestartTest {

    static final String DAY = NightlyJobTest.DAY;

    @TempDir
    Path folder;

    @AfterEach
    void clearFaults() {
        FaultInjection.clear();
    }

    @ParameterizedTest(name = "failure at execution {1} of ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "UPDATE input_file|4",            // ingest, mid-file: spill files already hold the failed chunk
            "INSERT INTO rejected_row|1",     // ingest, the chunk with the first bad rows
            "INSERT INTO campaign_day|2",     // settle, after one bucket committed
            "INSERT INTO address_state|2",    // settle, ledger write of a later bucket
            "INSERT INTO engagement_shard|2", // settle, the engagements of a later bucket
            "INSERT INTO address_change|1",   // settle, audit trail
            "(invalid_since IS NOT NULL OR|600",  // writing the outputs: the suppression file, midway through its slices
            "c.diagnostic, c.changed_at|600"}) // writing the outputs: the day's changes, midway, some being sorted
    void aRelaunchAfterAFailureGivesTheOutputsOfAnUninterruptedRun(String sqlFragment, int execution) {
        NightlyRun reference = uninterrupted();

        NightlyRun run = new NightlyRun(folder.resolve("restarted")).withFixture("basic");
        FaultInjection.failOnExecution(sqlFragment, execution);
        NightlyRun.Result failed = run.launch(DAY, FaultInjection.class);
        FaultInjection.clear();

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("injected failure").contains("relaunch the same date");
        assertThat(run.launch(DAY).exitCode()).isZero();
        assertSameOutputs(run, reference, DAY);
    }

    /**
     * Blocks of two records, four a chunk, processed concurrently: a relaunch after a failure in the middle of a file
     * gives the outputs of an uninterrupted run with one record a block.
     */
    @ParameterizedTest(name = "failure at execution {0} of ''UPDATE input_file''")
    @ValueSource(ints = {2, 3})
    void aRelaunchMidFileOfConcurrentBlocksGivesTheOutputsOfAnUninterruptedRun(int execution) {
        NightlyRun reference = uninterrupted();

        NightlyRun run = new NightlyRun(folder.resolve("restarted")).withFixture("basic")
                .with("--bounce-ledger.chunk-size=8").with("--bounce-ledger.block-records=2");
        FaultInjection.failOnExecution("UPDATE input_file", execution);
        assertThat(run.launch(DAY, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        assertThat(run.launch(DAY).exitCode()).isZero();

        assertSameOutputs(run, reference, DAY);
    }

    @Test
    void twoFailuresInARowStillGiveTheSameOutputs() {
        NightlyRun reference = uninterrupted();

        NightlyRun run = new NightlyRun(folder.resolve("restarted")).withFixture("basic");
        FaultInjection.failOnExecution("UPDATE input_file", 2); // 11 ingest chunks: always one left after it
        assertThat(run.launch(DAY, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.failOnExecution("INSERT INTO campaign_day", 1);
        assertThat(run.launch(DAY, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        assertThat(run.launch(DAY).exitCode()).isZero();

        assertSameOutputs(run, reference, DAY);
    }

    @Test
    void aRestartRefusesChangedInputFiles() throws IOException {
        NightlyRun run = failedMidFirstFile();
        Path file = run.input.resolve(DAY).resolve("01-deliveries.csv");
        String original = Files.readString(file);
        Files.writeString(file, "2026-11-21T23:00:00Z,acme,autumn-sale,m99,zoe@gmail.com,sent,,,,\n",
                StandardOpenOption.APPEND);

        assertThat(refusedUntilRestored(run, file, original)).isEqualTo("bounce-ledger: run 2026-11-21 failed: input"
                + " file 01-deliveries.csv changed since the first attempt of 2026-11-21 (size 3143 -> 3208 bytes);"
                + " restore the original file to resume; relaunch the same date to resume from the last checkpoint"
                + System.lineSeparator());
    }

    /**
     * The first attempt read part of the file; the same bytes changed within that part (an address, at the same
     * size) are found by the checksum that ingest recorded of what it read, without reading the file beforehand.
     */
    @Test
    void aRestartRefusesAFileChangedAtTheSameSizeWithinWhatWasRead() throws IOException {
        NightlyRun run = failedMidFirstFile();
        Path file = run.input.resolve(DAY).resolve("01-deliveries.csv");
        String original = Files.readString(file);
        Files.writeString(file, original.replaceFirst("ann@gmail.com", "amy@gmail.com"));

        assertThat(refusedUntilRestored(run, file, original)).matches("bounce-ledger: run 2026-11-21 failed: input"
                + " file 01-deliveries.csv changed since the first attempt of 2026-11-21 \\(its first \\d+ bytes, already"
                + " read, differ\\); restore the original file to resume; .*\\R");
    }

    /** A day whose first attempt was made by a build that took the whole file's checksum is checked against it. */
    @Test
    void aDayRecordedByAnEarlierBuildIsCheckedAgainstTheWholeFile() throws IOException {
        NightlyRun run = failedMidFirstFile();
        Path file = run.input.resolve(DAY).resolve("01-deliveries.csv");
        run.execute("UPDATE input_file SET checksum = " + LogFile.checksum(file) + " WHERE file_name = '01-deliveries.csv'",
                "DELETE FROM input_read");
        String original = Files.readString(file);
        Files.writeString(file, original.replace(",z08", ",z09")); // its last message id, at the same size

        assertThat(refusedUntilRestored(run, file, original)).contains("input file 01-deliveries.csv changed since"
                + " the first attempt of 2026-11-21 (checksum differs)");
    }

    /**
     * A day begun by a build that spilled in another format (here, one from before the format was recorded) is not
     * resumed over those files, and nothing is settled. The files are this build's in truth: once their format is
     * recorded again, the relaunch resumes and completes the day.
     */
    @Test
    void aRestartRefusesSpillFilesOfAnotherFormat() throws IOException {
        NightlyRun run = failedMidFirstFile();
        Path marker = SpillLayout.dayFolder(run.state, LocalDate.parse(DAY)).resolve(SpillFormat.MARKER);
        Files.delete(marker);

        NightlyRun.Result refused = run.launch(DAY);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("the spill files of 2026-11-21 in ").contains(" are in format 1,"
                + " written by another build; this build reads format " + EventSpill.FORMAT
                + ": finish the day with the build that began it");
        assertThat(run.rows("SELECT COUNT(*) FROM campaign_day", 1)).containsExactly("0");
        Files.writeString(marker, EventSpill.FORMAT + "\n");
        assertThat(run.launch(DAY).exitCode()).isZero();
        assertThat(run.sheet(DAY, "Email Performance").get(4).get(2)).isEqualTo("10");
    }

    /**
     * A spill file that holds less than ingest's last checkpoint recorded (a machine lost before the file reached
     * the disk) is refused when ingest resumes, before anything is appended to it or settled. The same file made
     * whole again, the relaunch completes the day as an uninterrupted run.
     */
    @Test
    void aRestartRefusesASpillFileCutShortSinceItsCheckpoint() throws IOException {
        NightlyRun reference = uninterrupted();
        NightlyRun run = failedMidFirstFile();
        CommittedSpill committed = largestCommittedSpillFile(run);
        byte[] whole = Files.readAllBytes(committed.file());
        Files.write(committed.file(), Arrays.copyOf(whole, (int) committed.length() - 1));

        NightlyRun.Result refused = run.launch(DAY);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("the spill file " + committed.file() + " holds "
                + (committed.length() - 1) + " bytes where ingest committed " + committed.length() + ": it was lost or"
                + " cut short after the checkpoint (a machine lost before the file reached the disk, or the file"
                + " removed), so the day cannot resume from its checkpoints; restore the state folder from a backup"
                + " taken before the day began");
        assertThat(Files.size(committed.file())).isEqualTo(committed.length() - 1);
        assertThat(run.rows("SELECT COUNT(*) FROM campaign_day", 1)).containsExactly("0");
        Files.write(committed.file(), whole);
        assertThat(run.launch(DAY).exitCode()).isZero();
        assertSameOutputs(run, reference, DAY);
    }

    /**
     * Ingest complete and one bucket settled, the spill files removed: the relaunch refuses to settle the other
     * buckets without their events (it used to settle them as if they had none, and complete the day).
     */
    @Test
    void aRestartRefusesToSettleWithoutTheSpillFiles() throws IOException {
        NightlyRun reference = uninterrupted();
        NightlyRun run = failedAt("INSERT INTO campaign_day", 2);
        List<String> settled = run.rows("SELECT COUNT(*) FROM campaign_day", 1);
        Path spill = SpillLayout.dayFolder(run.state, LocalDate.parse(DAY));
        Path aside = folder.resolve("spill-aside");
        Files.move(spill, aside);
        Files.createDirectories(spill);
        Files.copy(aside.resolve(SpillFormat.MARKER), spill.resolve(SpillFormat.MARKER));

        NightlyRun.Result refused = run.launch(DAY);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).containsPattern("the spill file \\S+b\\d+\\.bin holds 0 bytes where ingest"
                + " committed [1-9]\\d*: it was lost or cut short");
        assertThat(run.rows("SELECT COUNT(*) FROM campaign_day", 1)).isEqualTo(settled);
        FileSystemUtils.deleteRecursively(spill);
        Files.move(aside, spill);
        assertThat(run.launch(DAY).exitCode()).isZero();
        assertSameOutputs(run, reference, DAY);
    }

    record CommittedSpill(Path file, long length) {
    }

    /**
     * The spill file with the most bytes committed by ingest's last checkpoint, and that length, among the files of
     * the ingest partition that failed: the relaunch reopens it. (A completed partition is not run again: a file
     * of its is found short by settlement, once the other partition may have settled buckets.)
     */
    private static CommittedSpill largestCommittedSpillFile(NightlyRun run) {
        List<String> failed = run.rows("SELECT step_name FROM batch_step_execution"
                + " WHERE step_name LIKE 'ingestFile:file%' AND status = 'FAILED'", 1);
        assertThat(failed).hasSize(1);
        int partition = Integer.parseInt(failed.get(0).substring("ingestFile:file".length()));
        Path day = SpillLayout.dayFolder(run.state, LocalDate.parse(DAY));
        CommittedSpill largest = null;
        for (String row : run.rows("SELECT partition_index, lengths FROM spill_checkpoint WHERE partition_index = "
                + partition, 2)) {
            String[] fields = row.split(",");
            SpillLayout layout = new SpillLayout(day, fields.length - 1);
            for (int bucket = 0; bucket < fields.length - 1; bucket++) {
                long length = Long.parseLong(fields[bucket + 1]);
                if (largest == null || length > largest.length()) {
                    largest = new CommittedSpill(layout.bucketFile(Integer.parseInt(fields[0]), bucket), length);
                }
            }
        }
        assertThat(largest.length()).isPositive();
        return largest;
    }

    /**
     * The basic day's first attempt, failed in the middle of its first file (at its fourth chunk): one partition at a
     * time, so that the fourth chunk committed is always the first file's.
     */
    private NightlyRun failedMidFirstFile() {
        return failedAt(new NightlyRun(folder).withFixture("basic").with("--bounce-ledger.threads=1"),
                "UPDATE input_file", 4);
    }

    /** The basic day's first attempt, failed at the given execution of the statement. */
    private NightlyRun failedAt(String sqlFragment, int execution) {
        return failedAt(new NightlyRun(folder).withFixture("basic"), sqlFragment, execution);
    }

    private static NightlyRun failedAt(NightlyRun run, String sqlFragment, int execution) {
        FaultInjection.failOnExecution(sqlFragment, execution);
        assertThat(run.launch(DAY, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        return run;
    }

    /** The basic day run once, without a failure. */
    private NightlyRun uninterrupted() {
        NightlyRun reference = new NightlyRun(folder.resolve("reference")).withFixture("basic");
        assertThat(reference.launch(DAY).exitCode()).isZero();
        return reference;
    }

    /**
     * Relaunches the run over its changed file, which must be refused, then over the original, which must resume
     * and complete the day; returns the refusal's message.
     */
    private static String refusedUntilRestored(NightlyRun run, Path file, String original) throws IOException {
        NightlyRun.Result refused = run.launch(DAY);
        assertThat(refused.exitCode()).isEqualTo(1);
        Files.writeString(file, original);
        assertThat(run.launch(DAY).exitCode()).isZero();
        assertThat(run.sheet(DAY, "Email Performance").get(4).get(2)).isEqualTo("10");
        return refused.stderr();
    }

    /** The day's files, and the ledger as stored, are those of the reference run. */
    static void assertSameOutputs(NightlyRun run, NightlyRun reference, String day) {
        for (String prefix : new String[] {"suppression", "suppression-changes", "rejects"}) {
            assertThat(run.csv(day, prefix)).as(prefix + " of " + day).isEqualTo(reference.csv(day, prefix));
        }
        assertThat(run.workbookText(day)).as("report of " + day).isEqualTo(reference.workbookText(day));
        assertThat(run.ledger()).as("ledger after " + day).isEqualTo(reference.ledger());
        assertThat(run.engagements()).as("engagements after " + day).isEqualTo(reference.engagements());
        assertThat(run.suspensions()).as("suspensions in force after " + day).isEqualTo(reference.suspensions());
    }
}
