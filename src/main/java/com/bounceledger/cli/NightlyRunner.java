package com.bounceledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import com.bounceledger.csv.CsvReader;
import com.bounceledger.ingest.DayFolder;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.job.BounceLedgerProperties;
import com.bounceledger.job.DayReportRepository;
import com.bounceledger.job.InputFileRepository;
import com.bounceledger.job.NightlyJobConfiguration;
import com.bounceledger.job.RunRefusedException;
import com.bounceledger.job.StepFailures;
import com.bounceledger.report.CampaignMetrics;
import com.bounceledger.report.DayFiles;

/**
 * The launch contract of SPEC 1: one run date, a scheduler-friendly exit code, a one-line reason on
 * stderr for expected failures, automatic recovery of a run left running by a killed process, and one
 * summary line at the end.
 */
@Component
public class NightlyRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final BounceLedgerProperties properties;
    private final InputFileRepository inputFiles;
    private final DayReportRepository reports;
    private final Clock clock;
    private final StepFailures stepFailures;
    private ExitCode exitCode = ExitCode.OK;

    public NightlyRunner(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob,
                         BounceLedgerProperties properties, InputFileRepository inputFiles,
                         DayReportRepository reports, Clock clock, StepFailures stepFailures) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.properties = properties;
        this.inputFiles = inputFiles;
        this.reports = reports;
        this.clock = clock;
        this.stepFailures = stepFailures;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        LocalDate runDate;
        try {
            runDate = RunDateArgument.parse(args.getNonOptionArgs(), clock, properties.zone());
        } catch (IllegalArgumentException e) {
            fail(ExitCode.USAGE, e.getMessage());
            return;
        }
        JobParameters parameters = new JobParametersBuilder()
                .addLocalDate(NightlyJobConfiguration.RUN_DATE, runDate)
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("run date {} already completed at {}; nothing to do", runDate, last.getEndTime());
            return;
        }
        try {
            DayFolder.logFiles(properties.inputRoot().resolve(runDate.toString()));
        } catch (InputFormatException e) {
            fail(ExitCode.NO_INPUT, e.getMessage());
            return;
        }
        if (last != null && last.getStatus().isRunning()) {
            // This process holds the state lock, so no other process can be running it: it was killed.
            log.warn("execution {} of {} was left {} by a process that died; marking it failed and resuming",
                    last.getId(), runDate, last.getStatus());
            jobOperator.recover(last);
        } else if (last != null) {
            log.info("resuming {} from its last checkpoint (previous attempt {})", runDate, last.getStatus());
        }
        JobExecution execution = jobOperator.start(nightlyJob, parameters);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info(summary(runDate, "COMPLETED"));
        } else {
            log.info(summary(runDate, execution.getStatus().name()));
            fail(ExitCode.RUN_FAILED, "run " + runDate + " failed: " + reason(execution)
                    + "; relaunch the same date to resume from the last checkpoint");
        }
    }

    private String summary(LocalDate runDate, String status) {
        InputFileRepository.RowCounts rows = inputFiles.totals(runDate);
        CampaignMetrics totals = CampaignMetrics.total("Total", reports.campaigns(runDate));
        DayFiles files = DayFiles.of(properties.outputRoot(), runDate);
        String outputs = Files.exists(files.report()) ? files.folder().toString() : "(none)";
        long suppressed = Files.exists(files.suppression()) ? suppressionRecords(files.suppression())
                : reports.countSuppressions(NightlyJobConfiguration.endOf(runDate, properties));
        return String.format(Locale.ROOT,
                "summary: runDate=%s status=%s rowsRead=%d rowsRejected=%d sent=%d delivered=%d hard=%d soft=%d"
                        + " blocked=%d pending=%d suppressed=%d output=%s",
                runDate, status, rows.rowsRead(), rows.rowsRejected(), totals.sent(), totals.delivered(),
                totals.hard(), totals.soft(), totals.blocked(), totals.pending(), suppressed, outputs);
    }

    /**
     * The suppression file's records after its header: what a completed run wrote, without scanning the ledger
     * again. Counted as CSV records, not lines, as a quoted field may hold a line break.
     */
    private static long suppressionRecords(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CsvReader csv = new CsvReader(in);
            long records = -1; // the header
            while (csv.next() != null) {
                records++;
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-line reason: an expected failure's own message, else the root cause (logged in full). */
    private String reason(JobExecution execution) {
        Deque<Throwable> failures = new ArrayDeque<>(stepFailures.all());
        failures.addAll(execution.getAllFailureExceptions());
        Throwable unexpected = null;
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RunRefusedException || cause instanceof InputFormatException) {
                    return cause.getMessage();
                }
            }
            unexpected = unexpected == null ? failure : unexpected;
        }
        if (unexpected == null) {
            return "status " + execution.getStatus();
        }
        log.error("run failed", unexpected);
        Throwable root = unexpected;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void fail(ExitCode code, String message) {
        exitCode = code;
        System.err.println("bounce-ledger: " + message);
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

}
