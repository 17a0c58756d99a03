package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.cli.StateLock;

/**
 * The real job on the fixture day {@code src/test/resources/job/basic/2026-11-21}: two files (one gzip, with
 * late outcomes), 32 rows of which 5 are bad, two accounts.
 */
class NightlyJobTest {

    static final String DAY = "2026-11-21";

    @TempDir
    Path folder;

    @Test
    void writesTheDaysOutputsWithExactNumbers() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");

        assertThat(run.launch(DAY).exitCode()).isZero();

        // acme/autumn-sale: m01..m05 sent; delivered m01, m04 (after two deferrals), m05 (late, in the gzip file);
        // m02 hard (5.1.1), m03 blocked (Spamhaus); deferred m04, m05; m01 opened and clicked.
        // acme/newsletter-47: m06, m07 sent and delivered; m06 unsubscribed, m07 complained.
        // zenith/launch: z01 hard, z02 soft (mailbox full), z03 opened (late file) so not pending;
        // z04..z08 are rejected and count nowhere else.
        List<List<String>> performance = run.sheet(DAY, "Email Performance");
        assertThat(performance.get(0).subList(0, 13)).containsExactly("Account", "Campaign", "Sent", "Delivered",
                "Hard", "Soft", "Blocked", "Pending", "Deferred", "Opened", "Clicked", "Unsubscribed", "Complained");
        assertThat(performance.get(1).subList(0, 13))
                .containsExactly("acme", "autumn-sale", "5", "3", "1", "0", "1", "0", "2", "1", "1", "0", "0");
        assertThat(performance.get(2).subList(0, 13))
                .containsExactly("acme", "newsletter-47", "2", "2", "0", "0", "0", "0", "0", "0", "0", "1", "1");
        assertThat(performance.get(3).subList(0, 13))
                .containsExactly("zenith", "launch", "3", "0", "1", "1", "0", "0", "0", "1", "0", "0", "0");
        assertThat(performance.get(4).subList(0, 13))
                .containsExactly("Total", "", "10", "5", "2", "1", "1", "0", "2", "2", "1", "1", "1");
        // Delivered % of autumn-sale is 3/5; zenith delivered nothing, so its open rate is an empty cell.
        assertThat(performance.get(1).get(13)).isEqualTo("60.00%");
        assertThat(performance.get(3).get(18)).isEmpty();

        assertThat(run.csv(DAY, "rejects")).containsExactly(
                "file,line,error,raw_line",
                "01-deliveries.csv,27,invalid address,\"2026-11-21T08:00:00Z,zenith,launch,z04,not-an-address,sent,,,,\"",
                "01-deliveries.csv,28,bad timestamp '2026-11-21T25:00:00Z',\"2026-11-21T25:00:00Z,zenith,launch,z05,jan@ziggo.nl,sent,,,,\"",
                "01-deliveries.csv,29,unknown event 'exploded',\"2026-11-21T08:00:00Z,zenith,launch,z06,kim@telia.com,exploded,,,,\"",
                "01-deliveries.csv,30,missing recipient,\"2026-11-21T08:00:00Z,zenith,launch,z07,,sent,,,,\"",
                "01-deliveries.csv,31,\"expected 10 columns, found 4\",\"2026-11-21T08:00:00Z,zenith,launch,z08\"");

        // The block of 10:00 suspends carl until 10:00 the next day: still active at the end of the run date.
        assertThat(run.csv(DAY, "suppression")).containsExactly(
                "account,address,status,reason,cause,since,until",
                "acme,bob@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T08:00:03Z,",
                "acme,carl@web.de,suspended,blocked,block,2026-11-21T10:00:00Z,2026-11-22T10:00:00Z",
                "acme,fia@orange.fr,unsubscribed,,unsubscribe,2026-11-21T12:00:00Z,",
                "acme,gus@icloud.com,complained,,complaint,2026-11-21T13:00:00Z,",
                "zenith,bob@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T08:00:03Z,");
        assertThat(run.csv(DAY, "suppression-changes")).containsExactly(
                "action,account,address,status,reason,cause,since,until",
                "added,acme,bob@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T08:00:03Z,",
                "added,acme,carl@web.de,suspended,blocked,block,2026-11-21T10:00:00Z,2026-11-22T10:00:00Z",
                "added,acme,fia@orange.fr,unsubscribed,,unsubscribe,2026-11-21T12:00:00Z,",
                "added,acme,gus@icloud.com,complained,,complaint,2026-11-21T13:00:00Z,",
                "added,zenith,bob@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T08:00:03Z,");
    }

    @Test
    void outputsSortedThroughRunFilesOfTwoLinesAreTheSameFiles() {
        NightlyRun reference = new NightlyRun(folder.resolve("reference")).withFixture("basic");
        NightlyRun run = new NightlyRun(folder.resolve("runs")).withFixture("basic")
                .with("--bounce-ledger.sort-run-records=2");

        assertThat(reference.launch(DAY).exitCode()).isZero();
        assertThat(run.launch(DAY).exitCode()).isZero();

        assertThat(run.csv(DAY, "suppression")).hasSize(6).isEqualTo(reference.csv(DAY, "suppression"));
        assertThat(run.csv(DAY, "suppression-changes")).hasSize(6)
                .isEqualTo(reference.csv(DAY, "suppression-changes"));
        assertThat(run.sheet(DAY, "Address Changes")).hasSizeGreaterThan(5)
                .isEqualTo(reference.sheet(DAY, "Address Changes"));
    }

    @Test
    void inputReadThroughThePageCacheGivesTheSameOutputs() {
        NightlyRun direct = new NightlyRun(folder.resolve("direct")).withFixture("basic");
        NightlyRun cached = new NightlyRun(folder.resolve("cached")).withFixture("basic")
                .with("--bounce-ledger.direct-reads=false");

        assertThat(direct.launch(DAY).exitCode()).isZero();
        assertThat(cached.launch(DAY).exitCode()).isZero();

        for (String file : List.of("suppression", "suppression-changes", "rejects")) {
            assertThat(cached.csv(DAY, file)).as(file).hasSizeGreaterThan(1).isEqualTo(direct.csv(DAY, file));
        }
        assertThat(cached.sheet(DAY, "Email Performance")).isEqualTo(direct.sheet(DAY, "Email Performance"));
    }

    @Test
    void bounceReasonsComeFromTheClassifierWithTheirShare() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        assertThat(run.launch(DAY).exitCode()).isZero();

        // Final failures: m02 and z01 user unknown (hard), m03 Spamhaus (block), z02 mailbox full (soft).
        List<List<String>> reasons = run.sheet(DAY, "Bounce Reasons");
        assertThat(reasons).extracting(row -> row.subList(0, 4)).containsExactly(
                List.of("Reason", "Group", "Messages", "Share"),
                List.of("userunknown", "hard", "2", "50.00%"),
                List.of("blocked", "block", "1", "25.00%"),
                List.of("mailboxfull", "soft", "1", "25.00%"),
                List.of("Total", "", "4", "100.00%"));
    }

    @Test
    void aMalformedRulesFileStopsTheStartInOneLine() throws IOException {
        Path rules = folder.resolve("rules.txt");
        Files.writeString(rules, "this is not a rule\n");

        NightlyRun.Result result = new NightlyRun(folder).withFixture("basic")
                .with("--bounce-ledger.rules-file=" + rules).launch(DAY);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("bounce-ledger: " + rules + ":1").hasLineCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sort-run-records=0    | bounce-ledger.sort-run-records must be at least 1, not 0",
            "write-turn-timeout=0s | bounce-ledger.write-turn-timeout must be positive, not PT0S"})
    void aSettingThatCannotWorkStopsTheLaunchInOneLine(String setting, String message) {
        NightlyRun.Result result = new NightlyRun(folder).withFixture("basic")
                .with("--bounce-ledger." + setting).launch(DAY);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("bounce-ledger: " + message + System.lineSeparator());
    }

    @Test
    void aCompletedDayIsNotRunAgain() throws IOException {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        assertThat(run.launch(DAY).exitCode()).isZero();
        List<String> suppression = run.csv(DAY, "suppression");
        Files.delete(run.outputFile(DAY, "suppression", "csv"));

        NightlyRun.Result again = run.launch(DAY);

        assertThat(again.exitCode()).isZero();
        assertThat(again.stderr()).isEmpty();
        assertThat(run.outputFile(DAY, "suppression", "csv")).doesNotExist(); // nothing was done
        assertThat(suppression).hasSize(6);
    }

    @Test
    void aMalformedRunDateIsAUsageError() {
        NightlyRun.Result result = new NightlyRun(folder).withFixture("basic").launch("2026-13-45");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo(
                "bounce-ledger: bad run date '2026-13-45': expected an ISO date such as 2026-11-21" + System.lineSeparator());
    }

    @Test
    void aMissingInputFolderFailsInOneLine() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");

        NightlyRun.Result result = run.launch("2026-11-20");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("bounce-ledger: input folder " + run.input.resolve("2026-11-20")
                + " does not exist" + System.lineSeparator());
    }

    @Test
    void aDayWithoutFilesIsAnError() throws IOException {
        NightlyRun run = new NightlyRun(folder);
        Files.createDirectories(run.input.resolve(DAY));

        NightlyRun.Result result = run.launch(DAY);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("holds no log file").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void anEmptyFileIsNotAnError() throws IOException {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        Files.createFile(run.input.resolve(DAY).resolve("00-empty.csv"));

        assertThat(run.launch(DAY).exitCode()).isZero();
        assertThat(run.sheet(DAY, "Email Performance").get(4).get(2)).isEqualTo("10");
    }

    @Test
    void aTruncatedGzipFailsTheRunNamingTheFile() throws IOException {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        Path gzip = run.input.resolve(DAY).resolve("02-late.csv.gz");
        byte[] bytes = Files.readAllBytes(gzip);
        try (OutputStream out = Files.newOutputStream(gzip)) {
            out.write(bytes, 0, bytes.length - 20);
        }

        NightlyRun.Result result = run.launch(DAY);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("bounce-ledger: run 2026-11-21 failed: 02-late.csv.gz: truncated or corrupt gzip")
                .hasLineCount(1);
    }

    @Test
    void anUnrecognisedFileFailsTheRunNamingTheFile() throws IOException {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        Files.writeString(run.input.resolve(DAY).resolve("03-notes.txt"), "dear diary\n");

        NightlyRun.Result result = run.launch(DAY);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("bounce-ledger: run 2026-11-21 failed: 03-notes.txt: unrecognised log"
                + " format (first line: 'dear diary'); relaunch the same date to resume from the last checkpoint"
                + System.lineSeparator());
    }

    @Test
    void tooManyRejectedRowsFailTheRun() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic").with("--bounce-ledger.max-reject-share=0.01");

        NightlyRun.Result result = run.launch(DAY);

        // 5 of the 32 rows are bad: 15.63%.
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("5 of 32 rows (15.63%) of 2026-11-21 were rejected, more than the allowed"
                + " 1.00%; see " + run.outputFile(DAY, "rejects", "csv")).hasLineCount(1);
        assertThat(run.csv(DAY, "rejects")).hasSize(6);
        assertThat(run.outputFile(DAY, "suppression", "csv")).doesNotExist();
    }

    @Test
    void aSecondRunAgainstTheSameStateFailsFast() throws Exception {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        try (StateLock held = StateLock.acquire(run.state)) {
            NightlyRun.Result result = run.launch(DAY);

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.stderr()).isEqualTo("bounce-ledger: another run is using the state folder " + run.state
                    + "; wait for it to finish" + System.lineSeparator());
        }
        assertThat(run.launch(DAY).exitCode()).isZero();
    }
}
