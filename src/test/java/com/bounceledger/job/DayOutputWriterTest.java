package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.ingest.AddressHash;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.ReportSettings;

/**
 * The day's changes are read on one thread and sorted on another, in batches of 10,000: every change comes out
 * once, in the files' order, and a failure of the sorting thread fails the read instead of hanging it.
 */
class DayOutputWriterTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-21");
    private static final Instant END_OF_DAY = DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @TempDir
    Path folder;

    private StateDatabase state;
    private ExecutorService sortingThread;

    @BeforeEach
    void open() {
        state = new StateDatabase(folder.resolve("state"));
        sortingThread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() {
        sortingThread.shutdownNow();
        state.close();
    }

    @Test
    void changesOfSeveralBatchesComeOutOnceEachInAccountAndAddressOrder() throws Exception {
        int changes = 25_000; // two full batches and a part of one
        insertInvalidations(changes);
        DayOutputWriter writer = writer(folder.resolve("sort"), 1_000);

        try (DayOutputWriter.DayChanges dayChanges = writer.readChanges(sortingThread)) {
            writer.writeSuppressionChanges(dayChanges);
        }

        List<String> lines = Files.readAllLines(writer.files().suppressionChanges());
        assertThat(lines).hasSize(changes + 1);
        assertThat(lines.get(0)).isEqualTo("action,account,address,status,reason,cause,since,until");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            expected.add(String.join(",", "added", account(i), address(i), "invalid", "userunknown", "hard_bounce",
                    "2026-11-21T08:00:00Z", ""));
        }
        expected.sort(null); // account, then address: the fields before them are all "added"
        assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
        try (var runs = Files.list(folder.resolve("sort"))) {
            assertThat(runs).isEmpty();
        }
    }

    @Test
    void aFailureOfTheSortingThreadFailsTheReadWithItsCause() throws Exception {
        insertInvalidations(3);
        Path notAFolder = Files.writeString(folder.resolve("sort"), "a file where the sorted runs should go");
        DayOutputWriter writer = writer(notAFolder, 1);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> writer.readChanges(sortingThread))
                        .isInstanceOf(UncheckedIOException.class));
    }

    private DayOutputWriter writer(Path sortFolder, int runRecords) {
        return new DayOutputWriter(DAY, END_OF_DAY, DayFiles.of(folder.resolve("output"), DAY),
                new DayReportRepository(state.jdbc), ReportSettings.defaults(), Clock.systemUTC(),
                new DayOutputWriter.SortSettings(sortFolder, runRecords));
    }

    private void insertInvalidations(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {DAY, account(i), address(i), DAY.atTime(8, 0).atOffset(ZoneOffset.UTC),
                    AddressHash.of(address(i))});
        }
        state.jdbc.batchUpdate("""
                INSERT INTO address_change (run_date, account, address, stage, seq, change, reason, cause, changed_at,
                                            addr_hash)
                VALUES (?, ?, ?, 2, 1, 'invalidated', 'userunknown', 'hard_bounce', ?, ?)""", rows);
    }

    private static String account(int i) {
        return "account-" + i % 7;
    }

    private static String address(int i) {
        return "recipient" + i + "@example.com";
    }
}
