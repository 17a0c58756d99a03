package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.bounceledger.ingest.LogFile;
import com.bounceledger.report.RejectedRow;

/**
 * Writes a chunk of one partition's blocks, in the order read: events into the address buckets' spill files,
 * rejected rows and row counts into the database. The spill files' lengths are part of the chunk's checkpoint
 * ({@link SpillCheckpoints}, in the chunk's transaction): the database rows commit with it, and a restart truncates the files back to it, so nothing is written twice.
 */
public class IngestWriter implements ItemStreamWriter<SpilledBlock> {

    /**
     * The spill files' buffers of a partition, shared by its buckets: a few large buffers when buckets are few
     * (fewer writes), many small ones when they are many (a chunk brings each only a few KB anyway).
     */
    private static final int BUFFERS_BYTES = 8 << 20;
    private static final int MIN_BUFFER = 8 << 10;
    private static final int MAX_BUFFER = 256 << 10;

    private final LocalDate runDate;
    private final int partitionIndex;
    private final SpillLayout layout;
    private final InputFileRepository inputFiles;
    private final SpillCheckpoints checkpoints;
    private final ProgressMeter progress;
    private final Executor workers;
    private final int threads;
    private SpillFileWriter[] buckets;

    /**
     * @param files   the partition's files; the first one's index names its spill folder
     * @param workers the threads that process blocks (the next chunk's, while this one is written): they share
     *                the spill files' appends and flushes, one range of buckets each
     * @param threads how many ranges of buckets (the workers' number)
     */
    public IngestWriter(LocalDate runDate, List<LogFile> files, SpillLayout layout, InputFileRepository inputFiles,
                        SpillCheckpoints checkpoints, ProgressMeter progress, Executor workers, int threads) {
        this.runDate = runDate;
        this.partitionIndex = files.get(0).index();
        this.layout = layout;
        this.inputFiles = inputFiles;
        this.checkpoints = checkpoints;
        this.progress = progress;
        this.workers = workers;
        this.threads = threads;
    }

    @Override
    public void open(ExecutionContext context) {
        long[] committed = checkpoints.committed(runDate, partitionIndex, layout.buckets());
        try {
            Files.createDirectories(layout.fileFolder(partitionIndex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buckets = new SpillFileWriter[layout.buckets()];
        int bufferBytes = Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, BUFFERS_BYTES / buckets.length));
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] = new SpillFileWriter(layout.bucketFile(partitionIndex, b), committed[b], bufferBytes);
        }
    }

    @Override
    public void write(Chunk<? extends SpilledBlock> chunk) {
        List<RejectedRow> rejected = new ArrayList<>();
        Map<Integer, long[]> counts = new TreeMap<>(); // per file: rows, rejected rows
        long rows = 0;
        for (SpilledBlock block : chunk) {
            long[] fileCounts = counts.computeIfAbsent(block.fileIndex(), index -> new long[2]);
            fileCounts[0] += block.rows();
            fileCounts[1] += block.rejected().size();
            rows += block.rows();
            rejected.addAll(block.rejected());
        }
        spill(chunk);
        inputFiles.insertRejected(runDate, rejected);
        counts.forEach((fileIndex, fileCounts) -> inputFiles.addCounts(runDate, fileIndex, fileCounts[0], fileCounts[1]));
        progress.addRows(rows);
    }

    /**
     * Appends the chunk's events to the spill files and flushes them, range of buckets by range on the workers and
     * this thread: with hundreds of buckets, a chunk's flushes are hundreds of system calls.
     */
    private void spill(Chunk<? extends SpilledBlock> chunk) {
        List<CompletableFuture<Void>> ranges = new ArrayList<>();
        for (int r = 1; r < threads; r++) {
            int range = r;
            ranges.add(CompletableFuture.runAsync(() -> spill(chunk, range), workers));
        }
        spill(chunk, 0);
        try {
            CompletableFuture.allOf(ranges.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void spill(Chunk<? extends SpilledBlock> chunk, int range) {
        int from = buckets.length * range / threads;
        int to = buckets.length * (range + 1) / threads;
        for (SpilledBlock block : chunk) {
            block.events().appendTo(buckets, from, to);
        }
        for (int b = from; b < to; b++) {
            buckets[b].flush();
        }
    }

    /** Called before the chunk's transaction commits: flush, and checkpoint the files' lengths in it. */
    @Override
    public void update(ExecutionContext context) {
        if (buckets != null) {
            checkpoints.save(runDate, partitionIndex, Arrays.stream(buckets).mapToLong(SpillFileWriter::flush).toArray());
        }
    }

    @Override
    public void close() {
        if (buckets != null) {
            for (SpillFileWriter bucket : buckets) {
                bucket.close();
            }
            buckets = null;
        }
    }
}
