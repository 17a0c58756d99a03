package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import com.bounceledger.BounceLedgerApplication;

/**
 * The application's main, for a test that kills it at a chosen point: {@code FrozenLaunch FRAGMENT N MARKER
 * DELAY_MILLIS args...} runs the job with {@code args}; the n-th execution of a statement containing
 * {@code FRAGMENT} freezes, and writes {@code MARKER} after the delay (see {@link FaultInjection}).
 */
public final class FrozenLaunch {

    private FrozenLaunch() {
    }

    public static void main(String[] args) {
        FaultInjection.freezeOnExecution(args[0], Integer.parseInt(args[1]), Path.of(args[2]),
                Duration.ofMillis(Long.parseLong(args[3])));
        System.exit(BounceLedgerApplication.launch(Arrays.copyOfRange(args, 4, args.length), FaultInjection.class));
    }
}
