package com.bounceledger.job;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of the ingest step across its concurrent partitions: a log line every interval (rows,
 * percent of input bytes, rows/s, ETA), or a single updating bar when the output is a terminal.
 */
public class ProgressMeter {

    private static final Logger log = LoggerFactory.getLogger(ProgressMeter.class);

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long intervalMillis;
    private final PrintStream terminal;
    private volatile long totalBytes;
    private volatile long startNanos;
    private ScheduledExecutorService ticker;

    /** @param terminal where to draw the bar, or null to log lines */
    public ProgressMeter(long intervalMillis, PrintStream terminal) {
        this.intervalMillis = intervalMillis;
        this.terminal = terminal;
    }

    public synchronized void start(long totalInputBytes) {
        totalBytes = totalInputBytes;
        rows.set(0);
        bytes.set(0);
        startNanos = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal == null ? intervalMillis : Math.min(intervalMillis, 500);
        ticker.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
            if (terminal != null) {
                report();
                terminal.println();
            }
        }
    }

    public void addRows(long count) {
        rows.addAndGet(count);
    }

    public void addBytes(long count) {
        bytes.addAndGet(count);
    }

    private void report() {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        long done = bytes.get();
        double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) done / totalBytes);
        long rowsPerSecond = Math.round(rows.get() / seconds);
        String eta = fraction <= 0 ? "?" : duration(seconds / fraction - seconds);
        if (terminal == null) {
            log.info(String.format(Locale.ROOT, "ingest: %,d rows, %.1f%% of input, %,d rows/s, ETA %s",
                    rows.get(), fraction * 100, rowsPerSecond, eta));
        } else {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            terminal.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %,d rows %,d rows/s ETA %s   ",
                    "#".repeat(filled), " ".repeat(width - filled), fraction * 100, rows.get(), rowsPerSecond, eta));
            terminal.flush();
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
