package com.bounceledger;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.bounceledger.benchmark.ParseFloor;
import com.bounceledger.benchmark.StepTimes;
import com.bounceledger.classify.ClassifierBenchmark;
import com.bounceledger.classify.RulesFileException;
import com.bounceledger.cli.ClassifyCommand;
import com.bounceledger.cli.ExitCode;
import com.bounceledger.cli.StateLock;
import com.bounceledger.generate.GenerateCommand;
import com.bounceledger.ingest.MessageIdPattern;
import com.bounceledger.job.BounceLedgerProperties;
import com.bounceledger.report.ReportText;

/**
 * {@code java -jar bounce-ledger.jar [runDate=YYYY-MM-DD] [--property=value ...]} runs the nightly job;
 * the first argument {@code classify}, {@code classify-benchmark}, {@code generate}, {@code parse-floor} or
 * {@code step-times} runs that tool instead, without Spring.
 */
@SpringBootApplication
public class BounceLedgerApplication {

    /** Settings that stop the launch in one line with the usage exit code: an operator's file or option is wrong. */
    private static final List<Class<? extends RuntimeException>> BAD_SETTINGS = List.of(RulesFileException.class,
            ReportText.UnknownLanguageException.class, MessageIdPattern.InvalidPatternException.class,
            BounceLedgerProperties.InvalidSettingException.class);

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /**
     * Runs one command and returns its exit code.
     *
     * @param extraSources further configuration, for tests that inject faults
     */
    public static int launch(String[] args, Class<?>... extraSources) {
        if (args.length > 0) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "classify" -> {
                    return ClassifyCommand.run(rest, System.in, System.out, System.err);
                }
                case "classify-benchmark" -> {
                    return ClassifierBenchmark.run(rest, System.out);
                }
                case "generate" -> {
                    return GenerateCommand.run(rest, System.out, System.err);
                }
                case "parse-floor" -> {
                    return ParseFloor.run(rest, System.out, System.err);
                }
                case "step-times" -> {
                    return StepTimes.run(rest, System.out, System.err);
                }
                default -> { }
            }
        }
        try {
            Class<?>[] sources = new Class<?>[extraSources.length + 1];
            sources[0] = BounceLedgerApplication.class;
            System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
            return SpringApplication.exit(SpringApplication.run(sources, args));
        } catch (RuntimeException e) {
            StateLock.AnotherRunInProgressException busy = causeOf(e, StateLock.AnotherRunInProgressException.class);
            if (busy != null) {
                System.err.println("bounce-ledger: " + busy.getMessage());
                return ExitCode.BUSY.code();
            }
            for (Class<? extends RuntimeException> badSetting : BAD_SETTINGS) {
                Throwable bad = causeOf(e, badSetting);
                if (bad != null) {
                    System.err.println("bounce-ledger: " + bad.getMessage());
                    return ExitCode.USAGE.code();
                }
            }
            throw e;
        }
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
