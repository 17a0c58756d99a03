package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import com.bounceledger.csv.CsvWriter;
import com.bounceledger.csv.ExternalCsvSort;
import com.bounceledger.ingest.IsoTimestamp;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.report.AtomicFile;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.DayReport;
import com.bounceledger.report.PerformanceWorkbook;
import com.bounceledger.report.ReportSettings;
import com.bounceledger.report.SuppressionChange;
import com.bounceledger.report.SuppressionEntry;

/**
 * Writes one run date's files from the committed state, each under a temporary name then renamed. It only
 * reads the database, so writing again after a failed attempt gives the same files.
 */
public class DayOutputWriter {

    /** SPEC 6.2: by account, then address; an address's lines by status name. */
    private static final Comparator<List<String>> FILE_ORDER = byFields(3);
    /** Changes by account, address, stage and number: their first four fields. */
    private static final Comparator<List<String>> CHANGE_ORDER = byFields(4);

    private final LocalDate runDate;
    private final Instant endOfRunDate;
    private final DayFiles files;
    private final DayReportRepository reports;
    private final ReportSettings reportSettings;
    private final Clock clock;
    private final SortSettings sort;

    public DayOutputWriter(LocalDate runDate, Instant endOfRunDate, DayFiles files, DayReportRepository reports,
                           ReportSettings reportSettings, Clock clock, SortSettings sort) {
        this.runDate = runDate;
        this.endOfRunDate = endOfRunDate;
        this.files = files;
        this.reports = reports;
        this.reportSettings = reportSettings;
        this.clock = clock;
        this.sort = sort;
    }

    public DayFiles files() {
        return files;
    }

    public void writeRejects() {
        AtomicFile.write(files.rejects(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("file", "line", "error", "raw_line");
            reports.forEachRejected(runDate, row -> csv.row(row.file(), row.line(), row.error(), row.raw()));
            csv.flush();
        });
    }

    /**
     * The ledger is read in its key order (by address hash) and sorted here, in runs spilled to temporary files:
     * sorting 268,603 lines inside HSQLDB took 10 s of a 10M-message day's 24 s of outputs.
     */
    public void writeSuppression() {
        try (ExternalCsvSort sorted = sorter(FILE_ORDER)) {
            reports.forEachSuppression(endOfRunDate, s -> sorted.add(Arrays.asList(s.account(), s.address(),
                    s.status(), text(s.reason()), text(s.cause()), text(s.since()), text(s.until()))));
            writeSorted(files.suppression(),
                    List.of("account", "address", "status", "reason", "cause", "since", "until"), sorted, line -> line);
        }
    }

    /**
     * The day's changes for the suppression changes and the report, from one pass over them joined to their ledger
     * rows, sorted on another thread while this one reads. On the fourth 10M-message night (836,001 changes) they
     * were read three times, for the report's counts, its Address Changes sheet and the suppression changes: 22.2 s
     * of HSQLDB reads on their own, against 12.9 s for the one joined pass.
     *
     * @param sortingThread where the changes read are sorted, a batch at a time
     */
    public DayChanges readChanges(Executor sortingThread) {
        DayChanges changes = new DayChanges(sorter(CHANGE_ORDER), sorter(CHANGE_ORDER), sortingThread);
        try {
            reports.forEachChange(runDate, changes::accept);
            changes.finishSorting();
            return changes;
        } catch (RuntimeException | Error e) {
            changes.close();
            throw e;
        }
    }

    public void writeSuppressionChanges(DayChanges changes) {
        writeSorted(files.suppressionChanges(),
                List.of("action", "account", "address", "status", "reason", "cause", "since", "until"),
                changes.suppressionChanges,
                f -> List.of(f.get(4), f.get(0), f.get(1), f.get(5), f.get(6), f.get(7), f.get(8), f.get(9)));
    }

    public void writeReport(DayChanges changes) {
        DayReport report = reports.load(runDate, clock.instant(), changes.counts, reportSettings.topDomains(),
                reportSettings.trendDays());
        AtomicFile.write(files.report(), out -> PerformanceWorkbook.write(report,
                sink -> changes.reportChanges.forEachSorted(f -> sink.accept(new AddressChange(f.get(0), f.get(1),
                        f.get(4), absentIfEmpty(f.get(5)), absentIfEmpty(f.get(6)), absentIfEmpty(f.get(7)),
                        IsoTimestamp.parse(f.get(8))))), // Instant.parse took 0.6 s of 836,001 changes
                reportSettings, out));
    }

    private ExternalCsvSort sorter(Comparator<List<String>> order) {
        return new ExternalCsvSort(sort.folder(), sort.runRecords(), order);
    }

    /** A CSV file of the sorted records, with the given header. */
    private static void writeSorted(Path file, List<String> header, ExternalCsvSort sorted,
                                    UnaryOperator<List<String>> line) {
        AtomicFile.write(file, out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.write(header);
            sorted.forEachSorted(record -> csv.write(line.apply(record)));
            csv.flush();
        });
    }

    private static Comparator<List<String>> byFields(int count) {
        Comparator<List<String>> order = Comparator.comparing(fields -> fields.get(0));
        for (int i = 1; i < count; i++) {
            int field = i;
            order = order.thenComparing(fields -> fields.get(field));
        }
        return order;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String stage(DayReportRepository.DayChange change) {
        return Integer.toString(change.stage()); // one digit: the stages are 1 to 3
    }

    /** Zero-padded, so that the sort's text order is the number's order. */
    private static String seq(DayReportRepository.DayChange change) {
        String digits = Integer.toString(change.seq());
        return "0000000000".substring(digits.length()) + digits;
    }

    private static String absentIfEmpty(String field) {
        return field.isEmpty() ? null : field;
    }

    /**
     * The day's changes sorted for the outputs, and counted by kind. The report's changes are sorted by account,
     * address, stage and number into records of those four fields, then change, reason, cause, reply and time. The
     * suppression changes are sorted the same way into records of account, address, stage, number, then action,
     * status, reason, cause, since and until.
     * <p>
     * The thread reading the changes hands them over in batches to the sorting thread, a few batches at most
     * ahead of it, so that the sorting overlaps the reading: in a profile of the fourth 10M-message night, sorting
     * the runs and writing them took 4.2 s of the reading thread's time. The batches are sorted in order, each
     * after the one before it.
     */
    public static final class DayChanges implements AutoCloseable {

        private static final int BATCH = 10_000;
        private static final int BATCHES_AHEAD = 3;

        private final ExternalCsvSort reportChanges;
        private final ExternalCsvSort suppressionChanges;
        private final Map<String, Long> counts = new TreeMap<>();
        private final Executor sortingThread;
        private final Deque<CompletableFuture<Void>> batchesSorting = new ArrayDeque<>();
        private List<DayReportRepository.DayChange> batch = new ArrayList<>(BATCH);

        private DayChanges(ExternalCsvSort reportChanges, ExternalCsvSort suppressionChanges,
                           Executor sortingThread) {
            this.reportChanges = reportChanges;
            this.suppressionChanges = suppressionChanges;
            this.sortingThread = sortingThread;
        }

        /** On the reading thread. */
        private void accept(DayReportRepository.DayChange change) {
            batch.add(change);
            if (batch.size() == BATCH) {
                handOver();
            }
        }

        private void handOver() {
            List<DayReportRepository.DayChange> full = batch;
            batch = new ArrayList<>(BATCH);
            CompletableFuture<Void> previous = batchesSorting.isEmpty() ? CompletableFuture.completedFuture(null)
                    : batchesSorting.getLast();
            batchesSorting.addLast(previous.thenRunAsync(() -> full.forEach(this::sort), sortingThread));
            if (batchesSorting.size() > BATCHES_AHEAD) {
                join(batchesSorting.removeFirst());
            }
        }

        /** Waits until every change read is sorted; a failure of the sorting thread is thrown here. */
        private void finishSorting() {
            handOver();
            join(batchesSorting.getLast());
            batchesSorting.clear();
        }

        private static void join(CompletableFuture<Void> sorting) {
            try {
                sorting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        private void sort(DayReportRepository.DayChange day) {
            AddressChange c = day.change();
            counts.merge(c.change(), 1L, Long::sum);
            reportChanges.add(Arrays.asList(c.account(), c.address(), stage(day), seq(day), c.change(),
                    text(c.reason()), text(c.cause()), text(c.diagnostic()), c.at().toString()));
            SuppressionChange suppression = day.suppressionChange();
            if (suppression != null) {
                SuppressionEntry e = suppression.entry();
                suppressionChanges.add(Arrays.asList(e.account(), e.address(), stage(day), seq(day),
                        suppression.action(), e.status(), text(e.reason()), text(e.cause()), text(e.since()),
                        text(e.until())));
            }
        }

        /** Lets a batch still being sorted finish, so that no thread writes a run file as it is deleted. */
        @Override
        public void close() {
            batchesSorting.forEach(sorting -> sorting.handle((done, failure) -> null).join());
            batchesSorting.clear();
            reportChanges.close();
            suppressionChanges.close();
        }
    }

    /**
     * @param folder     where the sorted runs of the suppression files and of the report's changes are kept while
     *                   they are written
     * @param runRecords records sorted in memory at a time
     */
    public record SortSettings(Path folder, int runRecords) {
    }
}
