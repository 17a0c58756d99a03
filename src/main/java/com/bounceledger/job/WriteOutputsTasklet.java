package com.bounceledger.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bounceledger.csv.CsvWriter;
import com.bounceledger.report.AtomicFile;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.PerformanceWorkbook;

/**
 * Writes the day's files from the committed state, each under a temporary name then renamed. It only
 * reads the database, so a failed attempt simply writes them again.
 */
public class WriteOutputsTasklet implements Tasklet {

    private final LocalDate runDate;
    private final Instant endOfRunDate;
    private final DayFiles files;
    private final DayReportRepository reports;
    private final Clock clock;

    WriteOutputsTasklet(LocalDate runDate, Instant endOfRunDate, DayFiles files, DayReportRepository reports,
                        Clock clock) {
        this.runDate = runDate;
        this.endOfRunDate = endOfRunDate;
        this.files = files;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        writeRejects(runDate, files, reports);
        AtomicFile.write(files.suppression(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("account", "address", "status", "reason", "cause", "since", "until");
            reports.forEachSuppression(endOfRunDate, s -> csv.row(s.account(), s.address(), s.status(), s.reason(),
                    s.cause(), s.since(), s.until()));
            csv.flush();
        });
        AtomicFile.write(files.suppressionChanges(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("action", "account", "address", "status", "reason", "cause", "since", "until");
            reports.forEachSuppressionChange(runDate, c -> csv.row(c.action(), c.entry().account(),
                    c.entry().address(), c.entry().status(), c.entry().reason(), c.entry().cause(), c.entry().since(),
                    c.entry().until()));
            csv.flush();
        });
        AtomicFile.write(files.report(), out -> PerformanceWorkbook.write(reports.load(runDate, clock.instant()), out));
        return RepeatStatus.FINISHED;
    }

    static void writeRejects(LocalDate runDate, DayFiles files, DayReportRepository reports) {
        AtomicFile.write(files.rejects(), out -> {
            CsvWriter csv = new CsvWriter(out);
            csv.row("file", "line", "error", "raw_line");
            reports.forEachRejected(runDate, row -> csv.row(row.file(), row.line(), row.error(), row.raw()));
            csv.flush();
        });
    }
}
