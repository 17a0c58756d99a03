package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.bounceledger.csv.CsvWriter;
import com.bounceledger.csv.ExternalCsvSort;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.report.AtomicFile;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.DayReport;
import com.bounceledger.report.PerformanceWorkbook;
import com.bounceledger.report.ReportSettings;
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
        writeSorted(files.suppression(), FILE_ORDER,
                List.of("account", "address", "status", "reason", "cause", "since", "until"),
                sorted -> reports.forEachSuppression(endOfRunDate, s -> sorted.add(Arrays.asList(s.account(),
                        s.address(), s.status(), text(s.reason()), text(s.cause()), text(s.since()), text(s.until())))),
                line -> line);
    }

    /**
     * The changes come in the audit trail's key order and are sorted here into the report's order: records of
     * account, address, stage, number (the sort key), then action, status, reason, cause, since, until.
     */
    public void writeSuppressionChanges() {
        writeSorted(files.suppressionChanges(), CHANGE_ORDER,
                List.of("action", "account", "address", "status", "reason", "cause", "since", "until"),
                sorted -> reports.forEachSuppressionChange(runDate, numbered -> {
                    SuppressionEntry e = numbered.value().entry();
                    sorted.add(Arrays.asList(e.account(), e.address(), stage(numbered), seq(numbered),
                            numbered.value().action(), e.status(), text(e.reason()), text(e.cause()), text(e.since()),
                            text(e.until())));
                }),
                f -> List.of(f.get(4), f.get(0), f.get(1), f.get(5), f.get(6), f.get(7), f.get(8), f.get(9)));
    }

    public void writeReport() {
        DayReport report = reports.load(runDate, clock.instant(), reportSettings.topDomains(),
                reportSettings.trendDays());
        AtomicFile.write(files.report(), out -> PerformanceWorkbook.write(report, this::forEachChangeInOrder,
                reportSettings, out));
    }

    /** A CSV file of records gathered in any order and written sorted, with the given header. */
    private void writeSorted(Path file, Comparator<List<String>> order, List<String> header,
                             Consumer<ExternalCsvSort> records, UnaryOperator<List<String>> line) {
        try (ExternalCsvSort sorted = new ExternalCsvSort(sort.folder(), sort.runRecords(), order)) {
            records.accept(sorted);
            AtomicFile.write(file, out -> {
                CsvWriter csv = new CsvWriter(out);
                csv.write(header);
                sorted.forEachSorted(record -> csv.write(line.apply(record)));
                csv.flush();
            });
        }
    }

    /** The day's changes in the report's order: by account and address, each address's in the order they happened. */
    private void forEachChangeInOrder(Consumer<AddressChange> sink) {
        try (ExternalCsvSort sorted = new ExternalCsvSort(sort.folder(), sort.runRecords(), CHANGE_ORDER)) {
            reports.forEachChange(runDate, numbered -> {
                AddressChange c = numbered.value();
                sorted.add(Arrays.asList(c.account(), c.address(), stage(numbered), seq(numbered), c.change(),
                        text(c.reason()), text(c.cause()), text(c.diagnostic()), c.at().toString()));
            });
            sorted.forEachSorted(f -> sink.accept(new AddressChange(f.get(0), f.get(1), f.get(4),
                    absentIfEmpty(f.get(5)), absentIfEmpty(f.get(6)), absentIfEmpty(f.get(7)), Instant.parse(f.get(8)))));
        }
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

    private static String stage(DayReportRepository.Numbered<?> numbered) {
        return Integer.toString(numbered.stage()); // one digit: the stages are 1 to 3
    }

    /** Zero-padded, so that the sort's text order is the number's order. */
    private static String seq(DayReportRepository.Numbered<?> numbered) {
        String digits = Integer.toString(numbered.seq());
        return "0000000000".substring(digits.length()) + digits;
    }

    private static String absentIfEmpty(String field) {
        return field.isEmpty() ? null : field;
    }

    /**
     * @param folder     where the sorted runs of the suppression files and of the report's changes are kept while
     *                   they are written
     * @param runRecords records sorted in memory at a time
     */
    public record SortSettings(Path folder, int runRecords) {
    }
}
