package com.bounceledger.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Sorts more records than the heap should hold: records are gathered into runs of a bounded size, each run is
 * sorted and written as CSV to a temporary file, and the runs are merged, all of them at once. Memory is one
 * run plus 64 KB per run file, whatever the number of records. Fields must not be null (CSV cannot tell null from empty), and a
 * record must not be a single empty field (a blank line, which CSV readers skip).
 */
public final class ExternalCsvSort implements AutoCloseable {

    private final Path folder;
    private final int recordsPerRun;
    private final Comparator<List<String>> order;
    private final List<List<String>> run = new ArrayList<>();
    private final List<Path> runFiles = new ArrayList<>();

    /** @param folder where the run files go (created if missing); they are deleted on {@link #close()} */
    public ExternalCsvSort(Path folder, int recordsPerRun, Comparator<List<String>> order) {
        if (recordsPerRun < 1) {
            throw new IllegalArgumentException("records per run must be at least 1, not " + recordsPerRun);
        }
        this.folder = folder;
        this.recordsPerRun = recordsPerRun;
        this.order = order;
    }

    public void add(List<String> record) {
        run.add(record);
        if (run.size() >= recordsPerRun) {
            spill();
        }
    }

    /** Passes every record added, in order, to the sink. */
    public void forEachSorted(Consumer<List<String>> sink) {
        run.sort(order);
        if (runFiles.isEmpty()) {
            run.forEach(sink); // one run: no file needed
            return;
        }
        spill();
        List<InputStream> streams = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.record, b.record));
            for (Path file : runFiles) {
                InputStream in = Files.newInputStream(file); // the reader buffers 64 KB itself
                streams.add(in);
                Head head = new Head(new CsvReader(in));
                if (head.advance()) {
                    heads.add(head);
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                sink.accept(head.record);
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            streams.forEach(ExternalCsvSort::closeQuietly);
        }
    }

    private void spill() {
        if (run.isEmpty()) {
            return;
        }
        run.sort(order);
        try {
            Files.createDirectories(folder);
            Path file = Files.createTempFile(folder, "sort-", ".csv");
            runFiles.add(file);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CsvWriter csv = new CsvWriter(out);
                run.forEach(csv::write);
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.clear();
    }

    /** Deletes the run files. */
    @Override
    public void close() {
        run.clear();
        for (Path file : runFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        runFiles.clear();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // only read from: nothing is lost
        }
    }

    /** The next record of one run file. */
    private static final class Head {
        private final CsvReader reader;
        private List<String> record;

        Head(CsvReader reader) {
            this.reader = reader;
        }

        boolean advance() throws IOException {
            record = reader.next();
            return record != null;
        }
    }
}
