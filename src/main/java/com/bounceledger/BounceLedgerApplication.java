package com.bounceledger;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.bounceledger.cli.ExitCode;
import com.bounceledger.cli.StateLock;

/**
 * {@code java -jar bounce-ledger.jar [runDate=YYYY-MM-DD] [--property=value ...]} runs the nightly job;
 * the first argument {@code classify} or {@code generate} runs that tool instead, without Spring.
 */
@SpringBootApplication
public class BounceLedgerApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                default -> { }
            }
        }
        try {
            return SpringApplication.exit(SpringApplication.run(BounceLedgerApplication.class, args));
        } catch (RuntimeException e) {
            StateLock.AnotherRunInProgressException busy = causeOf(e, StateLock.AnotherRunInProgressException.class);
            if (busy != null) {
                System.err.println("bounce-ledger: " + busy.getMessage());
                return ExitCode.BUSY.code();
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
