package com.bounceledger.generate;

import com.bounceledger.ingest.EventType;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;

/**
 * {@code generate}: writes realistic days of delivery logs (deterministic by seed) for samples,
 * tests and benchmarks, and optionally what they contain (truth files) for checking the job's totals.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    /** @return the exit code: 0 done, 1 could not write, 2 bad options */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(GeneratorOptions.USAGE);
            return 0;
        }
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage() + " (" + GeneratorOptions.USAGE + ")");
            return 2;
        }
        try (DeliveryLogGenerator generator = new DeliveryLogGenerator(options, LogFormat.named(options.format()))) {
            for (int i = 0; i < options.days(); i++) {
                LocalDate day = options.start().plusDays(i);
                long started = System.nanoTime();
                DayTruth truth = generator.generate(day);
                out.printf("generate: %s: %,d rows (%,d bad), %,d messages sent, %,d delivered, %,d bounced -> %s (%.1f s)%n",
                        day, truth.rows(), truth.badRows(), truth.messages(EventType.SENT),
                        truth.messages(EventType.DELIVERED), truth.messages(EventType.BOUNCED),
                        options.out().resolve(day.toString()), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (IOException e) {
            err.println("generate: cannot write the files: " + e.getMessage());
            return 1;
        }
    }
}
