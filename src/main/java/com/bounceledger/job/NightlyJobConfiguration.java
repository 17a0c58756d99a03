package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.bounceledger.classify.BounceClassifier;
import com.bounceledger.classify.CachingClassifier;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ledger.LedgerRules;
import com.bounceledger.report.DayFiles;
import com.bounceledger.report.ReportSettings;

/**
 * The nightly job for one run date: prepare the input, apply the operator's overrides, ingest the logs (one
 * partition per file, one for all Postfix files), check the share of rejected rows, settle the day bucket by
 * bucket (metrics, ledger, and the suspensions that end within the day), write the outputs.
 */
@Configuration
@EnableConfigurationProperties(BounceLedgerProperties.class)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";
    public static final String RUN_DATE = "runDate";

    @Bean
    public Job nightlyJob(JobRepository jobRepository, Step prepareInput, Step applyOverrides, Step ingest,
                          Step checkRejects, Step settle, Step writeOutputs,
                          JobExecutionListener spillCleanup) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {RUN_DATE}, new String[0]))
                .start(prepareInput)
                .next(applyOverrides)
                .next(ingest)
                .next(checkRejects)
                .next(settle)
                .next(writeOutputs)
                .listener(spillCleanup)
                .build();
    }

    // ---- prepare: list, recognise and fingerprint the day's files

    @Bean
    public Step prepareInput(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             PrepareInputTasklet prepareInputTasklet, StepFailures stepFailures) {
        return taskletStep("prepareInput", prepareInputTasklet, jobRepository, transactionManager, stepFailures)
                .allowStartIfComplete(true) // re-checks the fingerprints on every restart
                .build();
    }

    @Bean
    @StepScope
    public PrepareInputTasklet prepareInputTasklet(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                                   BounceLedgerProperties properties, InputFileRepository inputFiles) {
        return new PrepareInputTasklet(runDate, dayFolder(properties, runDate), properties.maxLineBytes(), inputFiles,
                SpillLayout.dayFolder(properties.stateDir(), runDate), properties.directReads());
    }

    // ---- overrides: the operator's manual resets and suppressions, before the day's events

    @Bean
    public Step applyOverrides(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ApplyOverridesTasklet applyOverridesTasklet, StepFailures stepFailures) {
        return taskletStep("applyOverrides", applyOverridesTasklet, jobRepository, transactionManager, stepFailures)
                .build();
    }

    @Bean
    @StepScope
    public ApplyOverridesTasklet applyOverridesTasklet(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                                       BounceLedgerProperties properties, LedgerRules ledgerRules,
                                                       LedgerRepository ledger, InputFileRepository inputFiles) {
        return new ApplyOverridesTasklet(runDate, dayFolder(properties, runDate),
                runDate.atStartOfDay(properties.zone()).toInstant(), ledgerRules, ledger, inputFiles);
    }

    // ---- ingest: parse and classify each file, spill events into address buckets

    @Bean
    public Step ingest(JobRepository jobRepository, Step ingestFile, Partitioner filePartitioner,
                       StepExecutionListener ingestProgress, StateCheckpoint stateCheckpoint,
                       BounceLedgerProperties properties) {
        return new StepBuilder("ingest", jobRepository)
                .partitioner("ingestFile", filePartitioner)
                .step(ingestFile)
                .taskExecutor(partitionExecutor(properties))
                .listener(ingestProgress)
                .listener(stateCheckpoint)
                .build();
    }

    /**
     * The partition's reader cuts the file on a thread of its own and hands each block to the shared ingest
     * workers as it is cut; the partition's thread awaits the chunk's blocks and writes them, in read order (the
     * workers share the writer's spill appends), so that one large file uses every core and the workers process
     * the next chunk while this one is written.
     */
    @Bean
    public Step ingestFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           LogFileItemReader logFileReader, IngestWriter ingestWriter,
                           BounceLedgerProperties properties, StepFailures stepFailures) {
        return new StepBuilder("ingestFile", jobRepository)
                .<CompletableFuture<SpilledBlock>, SpilledBlock>chunk(properties.blockSize().blocksPerChunk())
                .transactionManager(transactionManager)
                .reader(logFileReader)
                .processor(new AwaitProcessing())
                .writer(ingestWriter)
                .listener(stepFailures)
                .build();
    }

    /** Shared by the concurrent partitions, so that the processing threads never outnumber the cores given. */
    @Bean
    public ThreadPoolTaskExecutor ingestWorkers(BounceLedgerProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("ingest-");
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setDaemon(true);
        return executor;
    }

    /** One partition per file, except that a format whose files form one log (Postfix) has one for all of them. */
    @Bean
    @StepScope
    public Partitioner filePartitioner(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                       BounceLedgerProperties properties, InputFileRepository inputFiles) {
        return gridSize -> {
            Map<String, List<Integer>> groups = new TreeMap<>();
            for (LogFile file : inputFiles.find(runDate, dayFolder(properties, runDate))) {
                if (file.format() != null) {
                    String name = file.format().joinsFiles() ? file.format().name() : String.format("file%05d", file.index());
                    groups.computeIfAbsent(name, key -> new ArrayList<>()).add(file.index());
                }
            }
            Map<String, ExecutionContext> partitions = new HashMap<>();
            groups.forEach((name, indexes) -> {
                ExecutionContext context = new ExecutionContext();
                context.putString("files", indexes.stream().map(String::valueOf).collect(Collectors.joining(",")));
                partitions.put(name, context);
            });
            return partitions;
        };
    }

    @Bean
    @StepScope
    public LogFileItemReader logFileReader(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                           @Value("#{stepExecutionContext['files']}") String files,
                                           BounceLedgerProperties properties, InputFileRepository inputFiles,
                                           PostfixQueueRepository postfixQueue, ProgressMeter progress,
                                           IngestProcessor ingestProcessor, ThreadPoolTaskExecutor ingestWorkers) {
        return new LogFileItemReader(partitionFiles(properties, runDate, inputFiles, files), properties.maxLineBytes(),
                properties.blockSize(), progress, properties.parserSettings(runDate), postfixQueue, inputFiles,
                properties.directReads(), ingestProcessor, ingestWorkers);
    }

    @Bean
    public IngestProcessor ingestProcessor(BounceClassifier classifier) {
        return new IngestProcessor(new CachingClassifier(classifier));
    }

    @Bean
    @StepScope
    public IngestWriter ingestWriter(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                     @Value("#{stepExecutionContext['files']}") String files,
                                     BounceLedgerProperties properties, InputFileRepository inputFiles,
                                     SpillCheckpoints spillCheckpoints, ProgressMeter progress,
                                     ThreadPoolTaskExecutor ingestWorkers) {
        return new IngestWriter(runDate, partitionFiles(properties, runDate, inputFiles, files),
                spillLayout(properties, runDate, inputFiles), inputFiles, spillCheckpoints, progress, ingestWorkers,
                properties.threads());
    }

    @Bean
    public StepExecutionListener ingestProgress(ProgressMeter progress, InputFileRepository inputFiles) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                LocalDate runDate = stepExecution.getJobParameters().getLocalDate(RUN_DATE);
                progress.start(inputFiles.totals(runDate).inputBytes());
            }

            @Override
            public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
                progress.stop();
                return null;
            }
        };
    }

    // ---- check: too many rejected rows fail the run instead of a misleading report

    @Bean
    public Step checkRejects(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RejectShareTasklet rejectShareTasklet, StepFailures stepFailures) {
        return taskletStep("checkRejects", rejectShareTasklet, jobRepository, transactionManager, stepFailures).build();
    }

    @Bean
    @StepScope
    public RejectShareTasklet rejectShareTasklet(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                                 BounceLedgerProperties properties, InputFileRepository inputFiles,
                                                 DayReportRepository reports, ReportSettings reportSettings,
                                                 Clock clock) {
        return new RejectShareTasklet(runDate, properties.maxRejectShare(), inputFiles,
                dayOutputWriter(runDate, properties, reports, reportSettings, clock));
    }

    // ---- settle: per address bucket, fold messages, tally metrics, apply the ledger rules, expire suspensions

    @Bean
    public Step settle(JobRepository jobRepository, Step settleBuckets, Partitioner bucketPartitioner,
                       StateCheckpoint stateCheckpoint, BounceLedgerProperties properties) {
        return new StepBuilder("settle", jobRepository)
                .partitioner("settleBuckets", bucketPartitioner)
                .step(settleBuckets)
                .gridSize(properties.threads())
                .taskExecutor(partitionExecutor(properties))
                .listener(stateCheckpoint)
                .build();
    }

    /** After each partitioned step: HSQLDB's automatic checkpoint could deadlock the partitions (schema.sql). */
    @Bean
    public StateCheckpoint stateCheckpoint(DataSource dataSource) {
        return new StateCheckpoint(dataSource);
    }

    @Bean
    public Step settleBuckets(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              BucketRangeReader bucketReader, BucketSettler bucketSettler,
                              SettlementWriter settlementWriter, StepFailures stepFailures) {
        return new StepBuilder("settleBuckets", jobRepository)
                .<Integer, BucketSettlement>chunk(1)
                .transactionManager(transactionManager)
                .reader(bucketReader)
                .processor(bucketSettler)
                .writer(settlementWriter)
                .listener(stepFailures)
                .build();
    }

    @Bean
    @StepScope
    public Partitioner bucketPartitioner(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                         BounceLedgerProperties properties, InputFileRepository inputFiles,
                                         LedgerRepository ledger) {
        int buckets = spillLayout(properties, runDate, inputFiles).buckets();
        return gridSize -> {
            // Counted once for all partitions, before either writes: every bucket of the day chooses how to read
            // its statuses from the ledger as the night found it.
            long storedStatuses = ledger.statusCount();
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int p = 0; p < gridSize; p++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("fromBucket", buckets * p / gridSize);
                context.putInt("toBucket", buckets * (p + 1) / gridSize);
                context.putLong("storedStatuses", storedStatuses);
                partitions.put("buckets" + p, context);
            }
            return partitions;
        };
    }

    @Bean
    @StepScope
    public BucketRangeReader bucketReader(@Value("#{stepExecutionContext['fromBucket']}") int fromBucket,
                                          @Value("#{stepExecutionContext['toBucket']}") int toBucket) {
        return new BucketRangeReader(fromBucket, toBucket);
    }

    @Bean
    @StepScope
    public BucketSettler bucketSettler(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                       @Value("#{stepExecutionContext['storedStatuses']}") long statuses,
                                       BounceLedgerProperties properties, InputFileRepository inputFiles,
                                       LedgerRepository ledger, LedgerRules ledgerRules,
                                       SpillCheckpoints spillCheckpoints) {
        return new BucketSettler(spillLayout(properties, runDate, inputFiles), ledger, ledgerRules,
                endOf(runDate, properties), statuses, spillCheckpoints.all(runDate));
    }

    @Bean
    @StepScope
    public SettlementWriter settlementWriter(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                             LedgerRepository ledger, WriteTurn settleWriteTurn) {
        return new SettlementWriter(runDate, ledger, settleWriteTurn);
    }

    /** Shared by the settle partitions: one at a time writes (see WriteTurn). */
    @Bean
    public WriteTurn settleWriteTurn(BounceLedgerProperties properties) {
        return new WriteTurn(properties.writeTurnTimeout());
    }

    // ---- write: the report, the suppression files and the rejects file, from the committed state

    @Bean
    public Step writeOutputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             WriteOutputsTasklet writeOutputsTasklet, StepFailures stepFailures) {
        return taskletStep("writeOutputs", writeOutputsTasklet, jobRepository, transactionManager, stepFailures).build();
    }

    @Bean
    @StepScope
    public WriteOutputsTasklet writeOutputsTasklet(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                                   BounceLedgerProperties properties, DayReportRepository reports,
                                                   ReportSettings reportSettings, Clock clock) {
        return new WriteOutputsTasklet(dayOutputWriter(runDate, properties, reports, reportSettings, clock),
                new SimpleAsyncTaskExecutor("report-"));
    }

    /**
     * A plain object, not a step-scoped bean: the outputs step uses it from a second thread, where a step-scoped
     * proxy has no step to resolve against.
     */
    private static DayOutputWriter dayOutputWriter(LocalDate runDate, BounceLedgerProperties properties,
                                                   DayReportRepository reports, ReportSettings reportSettings,
                                                   Clock clock) {
        return new DayOutputWriter(runDate, endOf(runDate, properties), DayFiles.of(properties.outputRoot(), runDate),
                reports, reportSettings, clock, new DayOutputWriter.SortSettings(
                        SpillLayout.dayFolder(properties.stateDir(), runDate).resolve("sort"),
                        properties.sortRunRecords()));
    }

    /** The spill files are only needed until the day completes. */
    @Bean
    public JobExecutionListener spillCleanup(BounceLedgerProperties properties, InputFileRepository inputFiles,
                                             SpillCheckpoints spillCheckpoints) {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution jobExecution) {
                if (jobExecution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
                    LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RUN_DATE);
                    spillLayout(properties, runDate, inputFiles).delete();
                    spillCheckpoints.delete(runDate);
                }
            }
        };
    }

    // ---- shared beans

    @Bean
    public BounceClassifier bounceClassifier(BounceLedgerProperties properties) {
        return BounceClassifier.load(properties.rulesFile());
    }

    /** Made at start-up, so a report language without a translation stops the launch before any work. */
    @Bean
    public ReportSettings reportSettings(BounceLedgerProperties properties) {
        return properties.report().settings();
    }

    @Bean
    public LedgerRules ledgerRules(BounceLedgerProperties properties) {
        return new LedgerRules(properties.ledger().policy());
    }

    @Bean
    public StepFailures stepFailures() {
        return new StepFailures();
    }

    @Bean
    public InputFileRepository inputFileRepository(JdbcTemplate jdbc) {
        return new InputFileRepository(jdbc);
    }

    @Bean
    public PostfixQueueRepository postfixQueueRepository(JdbcTemplate jdbc, BounceLedgerProperties properties) {
        return new PostfixQueueRepository(jdbc, (int) properties.postfix().queueLifetime().toDays());
    }

    @Bean
    public SpillCheckpoints spillCheckpoints(JdbcTemplate jdbc) {
        return new SpillCheckpoints(jdbc);
    }

    @Bean
    public LedgerRepository ledgerRepository(JdbcTemplate jdbc, BounceLedgerProperties properties) {
        return new LedgerRepository(jdbc, properties.lookupCost());
    }

    @Bean
    public DayReportRepository dayReportRepository(JdbcTemplate jdbc) {
        return new DayReportRepository(jdbc);
    }

    @Bean
    public ProgressMeter progressMeter(BounceLedgerProperties properties) {
        boolean terminal = System.console() != null;
        return new ProgressMeter(properties.progressInterval().toMillis(), terminal ? System.err : null);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    private static TaskletStepBuilder taskletStep(String name, Tasklet tasklet, JobRepository jobRepository,
                                                  PlatformTransactionManager transactionManager,
                                                  StepFailures stepFailures) {
        TaskletStepBuilder builder = new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager);
        builder.listener(stepFailures);
        return builder;
    }

    private static SimpleAsyncTaskExecutor partitionExecutor(BounceLedgerProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("partition-");
        executor.setConcurrencyLimit(properties.threads());
        return executor;
    }

    static Path dayFolder(BounceLedgerProperties properties, LocalDate runDate) {
        return properties.inputRoot().resolve(runDate.toString());
    }

    /** @param indexes the partition's file indexes, comma-separated */
    private static List<LogFile> partitionFiles(BounceLedgerProperties properties, LocalDate runDate,
                                                InputFileRepository inputFiles, String indexes) {
        List<LogFile> all = inputFiles.find(runDate, dayFolder(properties, runDate));
        return Arrays.stream(indexes.split(",")).map(index -> all.get(Integer.parseInt(index))).toList();
    }

    static SpillLayout spillLayout(BounceLedgerProperties properties, LocalDate runDate, InputFileRepository inputFiles) {
        return SpillLayout.of(properties.stateDir(), runDate, inputFiles.totals(runDate).inputBytes());
    }

    /** The first instant after the run date in the configured zone. */
    public static Instant endOf(LocalDate runDate, BounceLedgerProperties properties) {
        return runDate.plusDays(1).atStartOfDay(properties.zone()).toInstant();
    }

}
