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
 * sorted and written as CSV to a temporary file, and the runs are merged, at most {@value #MERGE_WIDTH} at a
 * time (more runs are first merged into longer ones). Memory is one run plus 64 KB per run merged, whatever
 * the number of records. Fields must not be null (CSV cannot tell null from empty), and a
 * record must not be a single empty field (a blank line, which CSV readers skip).
 */
public final class ExternalCsvSort implements AutoCloseable {

    /** Run files merged at once, well under the usual limit of 1,024 open files a process. */
    static final int MERGE_WIDTH = 128;

    private final Path folder;
    private final int recordsPerRun;
    private final int mergeWidth;
    private final Comparator<List<String>> order;
    private final List<List<String>> run = new ArrayList<>();
    private final List<Path> runFiles = new ArrayList<>();

    /** @param folder where the run files go (created if missing); they are deleted on {@link #close()} */
    public ExternalCsvSort(Path folder, int recordsPerRun, Comparator<List<String>> order) {
        this(folder, recordsPerRun, MERGE_WIDTH, order);
    }

    ExternalCsvSort(Path folder, int recordsPerRun, int mergeWidth, Comparator<List<String>> order) {
        if (recordsPerRun < 1 || mergeWidth < 2) {
            throw new IllegalArgumentException("records per run must be at least 1 and the merge width at least 2, not "
                    + recordsPerRun + " and " + mergeWidth);
        }
        this.folder = folder;
        this.recordsPerRun = recordsPerRun;
        this.mergeWidth = mergeWidth;
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
        while (runFiles.size() > mergeWidth) { // a year of suppressions can be thousands of runs
            List<Path> group = new ArrayList<>(runFiles.subList(0, mergeWidth));
            runFiles.subList(0, mergeWidth).clear();
            Path merged = newRunFile();
            runFiles.add(merged);
            writeRun(merged, csv -> merge(group, csv::write));
            delete(group);
        }
        merge(runFiles, sink);
    }

    private void merge(List<Path> files, Consumer<List<String>> sink) {
        List<InputStream> streams = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.record, b.record));
            for (Path file : files) {
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
        Path file = newRunFile();
        runFiles.add(file);
        writeRun(file, csv -> run.forEach(csv::write));
        run.clear();
    }

    private Path newRunFile() {
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, "sort-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(Path file, Consumer<CsvWriter> records) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CsvWriter csv = new CsvWriter(out);
            records.accept(csv);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the run files. */
    @Override
    public void close() {
        run.clear();
        delete(runFiles);
        runFiles.clear();
    }

    private static void delete(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
