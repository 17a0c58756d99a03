package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.bounceledger.csv.CsvWriter;
import com.bounceledger.csv.ExternalCsvSort;
import com.bounceledger.report.AtomicFile;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.DayReport;
import com.bounceledger.report.PerformanceWorkbook;
import com.bounceledger.report.ReportSettings;

/**
 * Writes one run date's files from the committed state, each under a temporary name then renamed. It only
 * reads the database, so writing again after a failed attempt gives the same files.
 */
public class DayOutputWriter {

    /** SPEC 6.2: by account, then address; an address's lines by status name. */
    private static final Comparator<List<String>> FILE_ORDER = Comparator.comparing((List<String> line) -> line.get(0))
            .thenComparing(line -> line.get(1))
            .thenComparing(line -> line.get(2));

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
        try (ExternalCsvSort sorted = new ExternalCsvSort(sort.folder(), sort.runRecords(), FILE_ORDER)) {
            reports.forEachSuppression(endOfRunDate, s -> sorted.add(Arrays.asList(s.account(), s.address(),
                    s.status(), text(s.reason()), text(s.cause()), text(s.since()), text(s.until()))));
            AtomicFile.write(files.suppression(), out -> {
                CsvWriter csv = new CsvWriter(out);
                csv.row("account", "address", "status", "reason", "cause", "since", "until");
                sorted.forEachSorted(csv::write);
                csv.flush();
            });
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public void writeSuppressionChanges() {
        AtomicFile.write(files.suppressionChanges(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("action", "account", "address", "status", "reason", "cause", "since", "until");
            reports.forEachSuppressionChange(runDate, c -> csv.row(c.action(), c.entry().account(),
                    c.entry().address(), c.entry().status(), c.entry().reason(), c.entry().cause(), c.entry().since(),
                    c.entry().until()));
            csv.flush();
        });
    }

    /**
     * @param folder     where the suppression file's sorted runs are kept while it is written
     * @param runRecords lines sorted in memory at a time
     */
    public record SortSettings(Path folder, int runRecords) {
    }

    public void writeReport() {
        DayReport report = reports.load(runDate, clock.instant(), reportSettings.topDomains(),
                reportSettings.trendDays());
        AtomicFile.write(files.report(), out -> PerformanceWorkbook.write(report,
                changes -> reports.forEachChange(runDate, changes), reportSettings, out));
    }
}
