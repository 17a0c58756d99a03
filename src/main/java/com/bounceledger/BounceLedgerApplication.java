package com.bounceledger;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.bounceledger.classify.ClassifierBenchmark;
import com.bounceledger.classify.RulesFileException;
import com.bounceledger.cli.ClassifyCommand;
import com.bounceledger.cli.ExitCode;
import com.bounceledger.cli.StateLock;
import com.bounceledger.generate.GenerateCommand;
import com.bounceledger.ingest.MessageIdPattern;

/**
 * {@code java -jar bounce-ledger.jar [runDate=YYYY-MM-DD] [--property=value ...]} runs the nightly job;
 * the first argument {@code classify}, {@code classify-benchmark} or {@code generate} runs that tool instead,
 * without Spring.
 */
@SpringBootApplication
public class BounceLedgerApplication {

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
            RulesFileException badRules = causeOf(e, RulesFileException.class);
            if (badRules != null) {
                System.err.println("bounce-ledger: " + badRules.getMessage());
                return ExitCode.USAGE.code();
            }
            MessageIdPattern.InvalidPatternException badPattern = causeOf(e, MessageIdPattern.InvalidPatternException.class);
            if (badPattern != null) {
                System.err.println("bounce-ledger: " + badPattern.getMessage());
                return ExitCode.USAGE.code();
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
