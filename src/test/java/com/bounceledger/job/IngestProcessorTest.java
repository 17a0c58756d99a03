package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.classify.BounceClassifier;
import com.bounceledger.classify.CachingClassifier;
import com.bounceledger.ingest.BlockCutter;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogFormat;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.RecordBlock;
import com.bounceledger.report.RejectedRow;

class IngestProcessorTest {

    private static final int BUCKETS = 16;

    @TempDir
    Path folder;

    private final IngestProcessor processor = new IngestProcessor(new CachingClassifier(BounceClassifier.load(null)));

    /**
     * Small blocks processed by four threads at once, written in read order, give the spill files, rejected rows
     * and row counts of the whole file processed as one block on one thread.
     */
    @Test
    void blocksProcessedConcurrentlyGiveTheSpillFilesOfOneSequentialPass() throws Exception {
        Path file = folder.resolve("day.csv");
        SyntheticDay.write(file, 0, 20_000);
        Files.writeString(file, "2026-11-21T08:00:00Z,acme,spring,m1,not-an-address,sent,,,,\nbroken,row\n",
                java.nio.file.StandardOpenOption.APPEND);
        LogFile logFile = LogFile.inspect(0, file, 1 << 16);

        List<SpilledBlock> sequential = List.of(processor.process(blocks(logFile, Integer.MAX_VALUE).get(0)));
        List<SpilledBlock> concurrent = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SpilledBlock>> futures = new ArrayList<>();
            for (FileBlock block : blocks(logFile, 37)) {
                futures.add(threads.submit(() -> processor.process(block)));
            }
            for (Future<SpilledBlock> future : futures) {
                concurrent.add(future.get());
            }
        } finally {
            threads.shutdown();
        }

        assertThat(concurrent).hasSizeGreaterThan(1000);
        assertThat(rows(concurrent)).isEqualTo(rows(sequential)).isEqualTo(40_002);
        assertThat(rejected(concurrent)).isEqualTo(rejected(sequential)).containsExactly(
                new RejectedRow("day.csv", 40_002, "invalid address",
                        "2026-11-21T08:00:00Z,acme,spring,m1,not-an-address,sent,,,,"),
                new RejectedRow("day.csv", 40_003, "expected 10 columns, found 2", "broken,row"));
        for (int b = 0; b < BUCKETS; b++) {
            assertThat(spill(concurrent, "concurrent")[b]).as("bucket " + b).isEqualTo(spill(sequential, "sequential")[b]);
        }
    }

    private static List<FileBlock> blocks(LogFile file, int records) throws IOException {
        List<FileBlock> blocks = new ArrayList<>();
        try (InputStream in = LogFile.open(file.path());
             BlockCutter cutter = new BlockCutter(in, true, 1 << 16, 0, 1)) {
            String header = cutter.next(1, 1 << 16).record(0).text();
            LogRecordParser parser = LogFormat.CANONICAL.parser(header, ParserSettings.defaults(LocalDate.of(2026, 11, 21)),
                    null);
            for (RecordBlock block; (block = cutter.next(records, Integer.MAX_VALUE)) != null; ) {
                blocks.add(new FileBlock.Unparsed(file, block, parser));
            }
        }
        return blocks;
    }

    private static long rows(List<SpilledBlock> blocks) {
        return blocks.stream().mapToLong(SpilledBlock::rows).sum();
    }

    private static List<RejectedRow> rejected(List<SpilledBlock> blocks) {
        return blocks.stream().flatMap(block -> block.rejected().stream()).toList();
    }

    /** @return each bucket file's bytes after appending the blocks in order */
    private byte[][] spill(List<SpilledBlock> blocks, String name) throws IOException {
        Path spill = Files.createDirectories(folder.resolve(name));
        SpillFileWriter[] buckets = new SpillFileWriter[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new SpillFileWriter(spill.resolve("b" + b), 0, 1 << 12);
        }
        for (SpilledBlock block : blocks) { // in two ranges of buckets, as the writer's threads do
            block.events().appendTo(buckets, 0, BUCKETS / 3);
        }
        for (SpilledBlock block : blocks) {
            block.events().appendTo(buckets, BUCKETS / 3, BUCKETS);
        }
        byte[][] bytes = new byte[BUCKETS][];
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b].close();
            bytes[b] = Files.readAllBytes(spill.resolve("b" + b));
        }
        return bytes;
    }
}
