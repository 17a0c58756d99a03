package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.report.RejectedRow;

/**
 * Writes a chunk of one input file: events into the address buckets' spill files, rejected rows and row
 * counts into the database. The spill files' lengths are part of the chunk's checkpoint: the database
 * rows commit with it, and a restart truncates the files back to it, so nothing is written twice.
 */
public class IngestWriter implements ItemStreamWriter<ClassifiedRecord> {

    private static final String LENGTHS = "spill.lengths";

    private final LocalDate runDate;
    private final int fileIndex;
    private final String fileName;
    private final SpillLayout layout;
    private final InputFileRepository inputFiles;
    private final ProgressMeter progress;
    private SpillFileWriter[] buckets;

    public IngestWriter(LocalDate runDate, int fileIndex, String fileName, SpillLayout layout,
                        InputFileRepository inputFiles, ProgressMeter progress) {
        this.runDate = runDate;
        this.fileIndex = fileIndex;
        this.fileName = fileName;
        this.layout = layout;
        this.inputFiles = inputFiles;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        long[] committed = context.containsKey(LENGTHS)
                ? Arrays.stream(context.getString(LENGTHS).split(",")).mapToLong(Long::parseLong).toArray()
                : new long[layout.buckets()];
        try {
            Files.createDirectories(layout.fileFolder(fileIndex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buckets = new SpillFileWriter[layout.buckets()];
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] = new SpillFileWriter(layout.bucketFile(fileIndex, b), committed[b]);
        }
    }

    @Override
    public void write(Chunk<? extends ClassifiedRecord> chunk) {
        List<ClassifiedRecord> rejected = new ArrayList<>();
        for (ClassifiedRecord record : chunk) {
            if (record.isRejected()) {
                rejected.add(record);
            }
            for (ClassifiedEvent event : record.events()) {
                int bucket = AddressHash.bucket(AddressHash.of(event.event().recipient()), buckets.length);
                EventSpill.write(buckets[bucket], event);
            }
        }
        inputFiles.insertRejected(runDate, rejected.stream()
                .map(record -> new RejectedRow(fileName, record.line(), record.error(), record.raw())).toList());
        inputFiles.addCounts(runDate, fileIndex, chunk.size(), rejected.size());
        progress.addRows(chunk.size());
    }

    /** Called before the chunk's transaction commits: flush, and checkpoint the files' lengths. */
    @Override
    public void update(ExecutionContext context) {
        if (buckets != null) {
            context.putString(LENGTHS, Arrays.stream(buckets)
                    .map(bucket -> Long.toString(bucket.flush()))
                    .collect(Collectors.joining(",")));
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
