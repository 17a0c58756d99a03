package com.bounceledger.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import com.bounceledger.csv.CsvWriter;
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

    private final LocalDate runDate;
    private final Instant endOfRunDate;
    private final DayFiles files;
    private final DayReportRepository reports;
    private final ReportSettings reportSettings;
    private final Clock clock;

    public DayOutputWriter(LocalDate runDate, Instant endOfRunDate, DayFiles files, DayReportRepository reports,
                           ReportSettings reportSettings, Clock clock) {
        this.runDate = runDate;
        this.endOfRunDate = endOfRunDate;
        this.files = files;
        this.reports = reports;
        this.reportSettings = reportSettings;
        this.clock = clock;
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

    public void writeSuppression() {
        AtomicFile.write(files.suppression(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("account", "address", "status", "reason", "cause", "since", "until");
            reports.forEachSuppression(endOfRunDate, s -> csv.row(s.account(), s.address(), s.status(), s.reason(),
                    s.cause(), s.since(), s.until()));
            csv.flush();
        });
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

    public void writeReport() {
        DayReport report = reports.load(runDate, clock.instant(), reportSettings.topDomains(),
                reportSettings.trendDays());
        AtomicFile.write(files.report(), out -> PerformanceWorkbook.write(report,
                changes -> reports.forEachChange(runDate, changes), reportSettings, out));
    }
}
