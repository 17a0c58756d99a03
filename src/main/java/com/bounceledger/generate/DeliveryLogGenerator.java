package com.bounceledger.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Generates days of delivery logs into {@code <out>/<date>/}: each day split in two gzipped files by
 * time, as log rotation does (00:00-12:00 and 12:00-24:00 UTC), written in parallel. A file is
 * written under a temporary name outside the day's folder and moved in when complete, so a day's
 * folder never holds half a file. Memory stays bounded whatever the size: nothing is kept per message.
 */
final class DeliveryLogGenerator implements AutoCloseable {

    static final int FILES_PER_DAY = 2;
    private static final int BUFFER_BYTES = 1 << 16;

    private final GeneratorOptions options;
    private final LogFormat format;
    private final DeliverySimulation simulation;
    private final ExecutorService workers = Executors.newFixedThreadPool(FILES_PER_DAY, runnable -> {
        Thread thread = new Thread(runnable, "generate");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryLogGenerator(GeneratorOptions options, LogFormat format) {
        this.options = options;
        this.format = format;
        this.simulation = new DeliverySimulation(options.seed(), options.start(), options.messagesPerDay(), options.accounts());
    }

    /** Writes the day's files (and its truth file when asked for); @return what was written */
    DayTruth generate(LocalDate day) throws IOException {
        Path folder = options.out().resolve(day.toString());
        Files.createDirectories(folder);
        long dayStart = day.toEpochDay() * 86_400;
        long window = 86_400 / FILES_PER_DAY;
        List<Future<DayTruth>> parts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int part = 1; part <= FILES_PER_DAY; part++) {
            String name = format.fileName(day, part);
            files.add(name);
            long from = dayStart + (part - 1) * window;
            BadRows badRows = new BadRows(options.badRate(),
                    new SeededRandom(SeededRandom.mix(options.seed(), day.toEpochDay(), part, 0xBADL)));
            DayPartGenerator generator = new DayPartGenerator(simulation, format, day.toEpochDay(), from, from + window);
            parts.add(workers.submit(() -> writeFile(folder.resolve(name), generator, badRows)));
        }
        DayTruth truth = new DayTruth();
        for (Future<DayTruth> part : parts) {
            truth.add(await(part));
        }
        if (options.truth() != null) {
            truth.write(options.truth().resolve("truth-" + day + ".properties"), day, format.name(), options.seed(), files);
        }
        return truth;
    }

    private DayTruth writeFile(Path file, DayPartGenerator generator, BadRows badRows) throws IOException {
        Path partial = options.out().resolve("." + file.getFileName() + ".partial");
        DayTruth truth;
        try (LogWriter writer = format.open(gzip(partial))) {
            truth = generator.write(writer, badRows);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return truth;
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES), BUFFER_BYTES);
    }

    private static DayTruth await(Future<DayTruth> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
