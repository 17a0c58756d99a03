package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.bounceledger.ingest.LogFile;

/**
 * The real job on the fixture days {@code src/test/resources/job/mta/}: on 2026-11-21 a PowerMTA accounting
 * file beside two Postfix logs (the second gzipped) whose lines join by queue id across the two files; on
 * 2026-11-22 a Postfix log that finishes two messages left in the queue the day before. Chunks of 3 records.
 */
class MtaLogsJobTest {

    static final String DAY1 = "2026-11-21";
    static final String DAY2 = "2026-11-22";

    @TempDir
    Path folder;

    @AfterEach
    void clearFaults() {
        FaultInjection.clear();
    }

    @Test
    void aDayOfPowerMtaAndPostfixLogsGivesExactNumbers() throws IOException {
        NightlyRun run = mtaRun(folder);

        assertThat(run.launch(DAY1).exitCode()).isZero();

        // default/unknown (Postfix, no message id pattern): q1 to gus delivered and to ida blocked (Spamhaus),
        // q2 to hal and q4 to lou deferred (pending), q3 to jan hard, EEEE5 to kim delivered without a cleanup line.
        // pmta-acme/spring: p1 delivered; p2 deferred then delivered; p3 hard; p4 delivered then a remote bounce
        // (mailbox full: soft); p5 only a complaint, so not sent.
        List<List<String>> performance = run.sheet(DAY1, "Email Performance");
        assertThat(performance.get(1).subList(0, 13))
                .containsExactly("default", "unknown", "6", "2", "1", "0", "1", "2", "2", "0", "0", "0", "0");
        assertThat(performance.get(2).subList(0, 13))
                .containsExactly("pmta-acme", "spring", "4", "3", "1", "1", "0", "0", "1", "0", "0", "0", "1");

        // Line numbers are the files' own; the other daemons' lines (smtpd, CRON) and the record type r are ignored.
        assertThat(run.csv(DAY1, "rejects")).containsExactly(
                "file,line,error,raw_line",
                "acct-2026-11-21.csv,10,bad timeLogged '2026-11-21 25:00:00+0000',"
                        + "\"d,2026-11-21 25:00:00+0000,2026-11-21 08:02:58+0000,bounces@news.example,fia@gmail.com,,"
                        + "relayed,2.0.0 (success),smtp;250 ok,,,pmta-acme,spring,,<p6@news.example>\"",
                "acct-2026-11-21.csv,11,missing rcpt,\"d,2026-11-21 08:04:00+0000,2026-11-21 08:02:58+0000,"
                        + "bounces@news.example,,,relayed,2.0.0 (success),smtp;250 ok,,,pmta-acme,spring,,<p7@news.example>\"",
                "acct-2026-11-21.csv,12,\"expected 15 fields, found 5\",\"d,2026-11-21 08:05:00+0000,"
                        + "2026-11-21 08:02:58+0000,bounces@news.example,gus@gmail.com\"",
                "mail-1.log,10,not a syslog line,this line is not from syslog",
                "mail-1.log,11,missing recipient,\"Nov 21 09:00:08 mta1 postfix/smtp[203]: CCCC3: to=<>, relay=none,"
                        + " delay=1, dsn=5.1.1, status=bounced (no recipient)\"",
                "mail-2.log.gz,7,unknown status 'queued',\"Nov 21 10:00:03 mta1 postfix/smtp[207]: BBBB2: to=<hal@web.de>,"
                        + " relay=none, delay=3598, dsn=4.4.1, status=queued (not a status)\"");

        assertThat(run.csv(DAY1, "suppression")).containsExactly(
                "account,address,status,reason,cause,since,until",
                "default,ida@ziggo.nl,suspended,blocked,block,2026-11-21T10:00:00Z,2026-11-22T10:00:00Z",
                "default,jan@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T10:00:01Z,",
                "pmta-acme,carl@outlook.com,invalid,userunknown,hard_bounce,2026-11-21T08:02:00Z,",
                "pmta-acme,erik@aol.com,complained,,complaint,2026-11-21T11:00:00Z,");

        // Each file is recorded as read to its end, with the checksum of its content, the first of the two Postfix
        // files (one partition reads both) when the partition moved on to the second.
        List<String> expected = new ArrayList<>();
        for (String name : List.of("acct-2026-11-21.csv", "mail-1.log", "mail-2.log.gz")) {
            try (InputStream in = LogFile.open(run.input.resolve(DAY1).resolve(name))) {
                byte[] content = in.readAllBytes();
                CRC32C crc = new CRC32C();
                crc.update(content);
                expected.add(name + "," + content.length + "," + crc.getValue());
            }
        }
        assertThat(run.rows("""
                SELECT f.file_name, r.read_bytes, r.checksum FROM input_file f JOIN input_read r USING (run_date, file_index)
                WHERE f.run_date = DATE '""" + DAY1 + "' ORDER BY f.file_index", 3)).isEqualTo(expected);
    }

    @Test
    void queueIdsLeftOpenJoinTheNextDaysLines() {
        NightlyRun run = mtaRun(folder);
        assertThat(run.launch(DAY1).exitCode()).isZero();

        assertThat(run.launch(DAY2).exitCode()).isZero();

        // q2 to hal, deferred yesterday, is delivered; q4 to lou expires (its recipient known from yesterday's
        // deferral). Both were sent yesterday, so today counts neither as sent nor as pending.
        List<List<String>> performance = run.sheet(DAY2, "Email Performance");
        assertThat(performance.get(1).subList(0, 13))
                .containsExactly("default", "unknown", "0", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0");
        assertThat(run.sheet(DAY2, "Bounce Reasons").get(1).subList(0, 3)).containsExactly("expired", "soft", "1");
    }

    @ParameterizedTest(name = "failure at execution {1} of ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "UPDATE input_file|3",             // ingest, mid-file in either format
            "UPDATE input_file|6",
            "INSERT INTO postfix_queue|2",     // the Postfix partition's second checkpoint with queue ids to keep
            "DELETE FROM postfix_queue|1",     // the first checkpoint that closes a stored queue id (in mail-2.log.gz)
            "INSERT INTO rejected_row|3"})
    void aRelaunchAfterAFailureMidIngestGivesTheOutputsOfAnUninterruptedRun(String sqlFragment, int execution) {
        NightlyRun reference = mtaRun(folder.resolve("reference"));
        assertThat(reference.launch(DAY1).exitCode()).isZero();
        assertThat(reference.launch(DAY2).exitCode()).isZero();

        NightlyRun run = mtaRun(folder.resolve("restarted"));
        FaultInjection.failOnExecution(sqlFragment, execution);
        NightlyRun.Result failed = run.launch(DAY1, FaultInjection.class);
        FaultInjection.clear();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("injected failure");
        assertThat(run.launch(DAY1).exitCode()).isZero();
        assertThat(run.launch(DAY2).exitCode()).isZero();

        for (String day : List.of(DAY1, DAY2)) {
            assertSameOutputs(run, reference, day);
        }
    }

    /**
     * One format alone, so the failing chunk is known: the third of the accounting file, the third of mail-1.log,
     * or the one that reads the end of mail-1.log and the start of mail-2.log.gz (its second row count update).
     */
    @ParameterizedTest(name = "{0}: failure at execution {2} of ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "acct-|UPDATE input_file|3",
            "mail-|UPDATE input_file|3",
            "mail-|UPDATE input_file|5"})
    void aRelaunchMidFileOfOneFormatGivesTheOutputsOfAnUninterruptedRun(String files, String sqlFragment, int execution)
            throws IOException {
        NightlyRun reference = mtaRun(folder.resolve("reference"));
        keepOnly(reference, files);
        assertThat(reference.launch(DAY1).exitCode()).isZero();

        NightlyRun run = mtaRun(folder.resolve("restarted"));
        keepOnly(run, files);
        FaultInjection.failOnExecution(sqlFragment, execution);
        assertThat(run.launch(DAY1, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        assertThat(run.launch(DAY1).exitCode()).isZero();

        assertSameOutputs(run, reference, DAY1);
        if (files.equals("mail-")) {
            assertThat(reference.launch(DAY2).exitCode()).isZero();
            assertThat(run.launch(DAY2).exitCode()).isZero();
            assertSameOutputs(run, reference, DAY2);
        }
    }

    /** Blocks of two records, three a chunk: the formats parsed in order by the reader, restarted mid-file. */
    @Test
    void aRelaunchMidFileWithBlocksOfSeveralRecordsGivesTheOutputsOfAnUninterruptedRun() {
        NightlyRun reference = mtaRun(folder.resolve("reference"));
        assertThat(reference.launch(DAY1).exitCode()).isZero();
        assertThat(reference.launch(DAY2).exitCode()).isZero();

        NightlyRun run = mtaRun(folder.resolve("restarted")).with("--bounce-ledger.chunk-size=6")
                .with("--bounce-ledger.block-records=2");
        FaultInjection.failOnExecution("UPDATE input_file", 3);
        assertThat(run.launch(DAY1, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        assertThat(run.launch(DAY1).exitCode()).isZero();
        assertThat(run.launch(DAY2).exitCode()).isZero();

        for (String day : List.of(DAY1, DAY2)) {
            assertSameOutputs(run, reference, day);
        }
    }

    @Test
    void aRelaunchOfTheNextDayResumesTheJoinFromItsCheckpoint() {
        NightlyRun reference = mtaRun(folder.resolve("reference"));
        assertThat(reference.launch(DAY1).exitCode()).isZero();
        assertThat(reference.launch(DAY2).exitCode()).isZero();

        NightlyRun run = mtaRun(folder.resolve("restarted"));
        assertThat(run.launch(DAY1).exitCode()).isZero();
        FaultInjection.failOnExecution("DELETE FROM postfix_queue", 2); // the expiry's chunk, after hal's committed
        assertThat(run.launch(DAY2, FaultInjection.class).exitCode()).isEqualTo(1);
        FaultInjection.clear();
        assertThat(run.launch(DAY2).exitCode()).isZero();

        assertSameOutputs(run, reference, DAY2);
    }

    /**
     * Fixture {@code powermta-headers}: an accounting file whose header repeats at line 8 with other columns (the
     * campaign from {@code header_X-Campaign}). Whatever the blocks and however many a chunk processes at once, and
     * through a relaunch after a chunk past the repeated header failed, the rows after it are read by its columns.
     */
    @ParameterizedTest(name = "chunk {0}, blocks of {1}, failure at execution {2}")
    @CsvSource({"3,1,0", "1000,1000,0", "6,2,3", "4,1,3"})
    void aRepeatedPowerMtaHeaderRedefinesTheColumnsOfTheBlocksAfterIt(int chunk, int block, int failAt) {
        NightlyRun run = new NightlyRun(folder).withFixture("powermta-headers")
                .with("--bounce-ledger.chunk-size=" + chunk).with("--bounce-ledger.block-records=" + block);
        if (failAt > 0) {
            FaultInjection.failOnExecution("UPDATE input_file", failAt);
            assertThat(run.launch(DAY1, FaultInjection.class).exitCode()).isEqualTo(1);
            FaultInjection.clear();
        }

        assertThat(run.launch(DAY1).exitCode()).isZero();

        List<List<String>> performance = run.sheet(DAY1, "Email Performance");
        assertThat(performance.get(1).subList(0, 4)).containsExactly("pmta-acme", "spring", "6", "6");
        assertThat(performance.get(2).subList(0, 4)).containsExactly("pmta-acme", "winter", "5", "4");
        assertThat(run.csv(DAY1, "rejects")).containsExactly("file,line,error,raw_line",
                "acct-2026-11-21.csv,14,\"expected 14 fields, found 3\",\"d,2026-11-21 09:06:00+0000,b6@gmail.com\"");
        assertThat(run.csv(DAY1, "suppression")).contains(
                "pmta-acme,b5@gmail.com,invalid,userunknown,hard_bounce,2026-11-21T09:05:00Z,");
    }

    @Test
    void aRepeatedPowerMtaHeaderWithoutTheRequiredFieldsFailsTheRunNamingItsLine() throws IOException {
        NightlyRun run = new NightlyRun(folder).withFixture("powermta-headers");
        Path file = run.input.resolve(DAY1).resolve("acct-2026-11-21.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(7, "type,timeLogged,jobId");
        Files.write(file, lines);

        NightlyRun.Result result = run.launch(DAY1);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("acct-2026-11-21.csv, line 8: missing required field(s) rcpt");
    }

    @Test
    void anInvalidMessageIdPatternStopsTheLaunchInOneLine() {
        NightlyRun.Result result = mtaRun(folder).with("--bounce-ledger.postfix.message-id-pattern=^(?<campaign>[^.]+")
                .launch(DAY1);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("bounce-ledger: message id pattern '^(?<campaign>[^.]+' is not a regular"
                + " expression: Unclosed group at index 18" + System.lineSeparator());
    }

    private static NightlyRun mtaRun(Path folder) {
        return new NightlyRun(folder).withFixture("mta").with("--bounce-ledger.max-reject-share=0.3");
    }

    private static void keepOnly(NightlyRun run, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(run.input.resolve(DAY1))) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().startsWith(prefix)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void assertSameOutputs(NightlyRun run, NightlyRun reference, String day) {
        for (String prefix : new String[] {"suppression", "suppression-changes", "rejects"}) {
            assertThat(run.csv(day, prefix)).as(day + " " + prefix).isEqualTo(reference.csv(day, prefix));
        }
        assertThat(run.workbookText(day)).as(day).isEqualTo(reference.workbookText(day));
    }
}
