package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.PostfixQueue;

class PartitionCutterTest {

    private static final Path FIXTURES = Path.of("src/test/resources/job");
    private static final int MAX_RECORD_BYTES = 65_536;
    /** Blocks of two records, two blocks to a chunk: the cutter is at most two blocks ahead. */
    private static final BlockSize BLOCKS = BlockSize.of(4, 2);
    private static final ParserSettings SETTINGS = ParserSettings.defaults(LocalDate.of(2026, 11, 21));

    @TempDir
    Path folder;

    /**
     * The cutter runs ahead of the reader, so each block carries the position after its own last record: taken
     * as the checkpoint, it must not be where the cutter has got to.
     */
    @Test
    void eachBlockCarriesThePositionAfterItsLastRecord() throws IOException {
        Path path = FIXTURES.resolve("basic/2026-11-21/01-deliveries.csv");
        byte[] content = Files.readAllBytes(path);
        List<Long> lineEnds = lineEnds(content);

        List<PartitionCutter.Cut> cuts;
        try (PartitionCutter cutter = cutter(List.of(LogFile.inspect(0, path, MAX_RECORD_BYTES)))) {
            PartitionCutter.Position start = cutter.start(0, 0, 1, null);
            assertThat(start.offset()).isEqualTo(lineEnds.get(0)); // after the header
            assertThat(start.line()).isEqualTo(2);
            cuts = takeAll(cutter);
        }

        assertThat(cuts).hasSize(16); // 30 records in blocks of two, then the end
        long records = 0;
        for (PartitionCutter.Cut cut : cuts.subList(0, 15)) {
            PartitionCutter.Block block = (PartitionCutter.Block) cut;
            long[] lines = block.block().records().lines();
            long lastLine = lines[block.block().rows() - 1];
            records += block.block().rows();
            assertThat(block.after().offset()).isEqualTo(lineEnds.get((int) lastLine - 1));
            assertThat(block.after().line()).isEqualTo(lastLine + 1);
            assertThat(block.after().checksum()).isEqualTo(crc(content, block.after().offset()));
        }
        assertThat(records).isEqualTo(30);
        PartitionCutter.End end = (PartitionCutter.End) cuts.get(15);
        assertThat(end.after().offset()).isEqualTo(content.length);
        assertThat(end.after().checksum()).isEqualTo(crc(content, content.length));
    }

    @Test
    void aRestartResumesAfterItsCheckpointWithTheChecksumOfWhatItSkipped() throws IOException {
        Path path = FIXTURES.resolve("basic/2026-11-21/01-deliveries.csv");
        byte[] content = Files.readAllBytes(path);
        long afterLine10 = lineEnds(content).get(9);

        try (PartitionCutter cutter = cutter(List.of(LogFile.inspect(0, path, MAX_RECORD_BYTES)))) {
            PartitionCutter.Position start = cutter.start(0, afterLine10, 11, null);

            assertThat(start.checksum()).isEqualTo(crc(content, afterLine10));
            PartitionCutter.Block first = (PartitionCutter.Block) cutter.take();
            assertThat(first.block().records().firstLine()).isEqualTo(11);
            assertThat(first.block().records().record(0).text()).isEqualTo(Files.readAllLines(path).get(10));
        }
    }

    /**
     * A block goes to the workers as it is cut, ahead of the reader, so that they process the next chunk while the
     * reader's chunk is written; a Postfix block only once the reader has parsed it, in order.
     */
    @Test
    void eachBlockGoesToTheWorkersAsItIsCutUnlessItsFormatIsParsedInOrder() throws InterruptedException {
        Path csv = FIXTURES.resolve("basic/2026-11-21/01-deliveries.csv");
        List<FileBlock> started = new CopyOnWriteArrayList<>();
        try (PartitionCutter cutter = new PartitionCutter(List.of(LogFile.inspect(0, csv, MAX_RECORD_BYTES)),
                MAX_RECORD_BYTES, BLOCKS, new ProgressMeter(10_000, null), SETTINGS, null, true, block -> {
                    started.add(block);
                    return new CompletableFuture<>();
                })) {
            cutter.start(0, 0, 1, null);
            PartitionCutter.Block first = (PartitionCutter.Block) cutter.take();

            assertThat(first.processing()).isNotNull();
            assertThat(started.get(0)).isSameAs(first.block());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (started.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(started).hasSize(4); // the one taken, two ahead, one waiting for room
        }

        Path postfix = FIXTURES.resolve("mta/2026-11-21/mail-1.log");
        try (PartitionCutter cutter = new PartitionCutter(List.of(LogFile.inspect(0, postfix, MAX_RECORD_BYTES)),
                MAX_RECORD_BYTES, BLOCKS, new ProgressMeter(10_000, null), SETTINGS, new PostfixQueue(), true,
                block -> {
                    throw new AssertionError("a Postfix block was handed to the workers before it was parsed");
                })) {
            cutter.start(0, 0, 1, null);
            PartitionCutter.Block first = (PartitionCutter.Block) cutter.take();
            assertThat(first.processing()).isNull();
            assertThat(takeAll(cutter).get(0)).isNotInstanceOf(PartitionCutter.Failure.class);
        }
    }

    /** A repeated header ends its block; the blocks after it, and their checkpoints, have its columns. */
    @Test
    void aRepeatedHeaderIsInForceFromTheBlockAfterIt() throws IOException {
        Path path = FIXTURES.resolve("powermta-headers/2026-11-21/acct-2026-11-21.csv");
        List<String> lines = Files.readAllLines(path);
        String second = lines.get(7);
        assertThat(second).startsWith("type,");

        List<PartitionCutter.Cut> cuts;
        try (PartitionCutter cutter = cutter(List.of(LogFile.inspect(0, path, MAX_RECORD_BYTES)))) {
            cutter.start(0, 0, 1, null);
            cuts = takeAll(cutter);
        }

        List<PartitionCutter.Block> blocks = cuts.stream().filter(PartitionCutter.Block.class::isInstance)
                .map(PartitionCutter.Block.class::cast).toList();
        for (PartitionCutter.Block block : blocks) {
            long lastLine = block.block().records().lines()[block.block().rows() - 1];
            assertThat(block.after().header()).as("after line " + lastLine)
                    .isEqualTo(lastLine < 8 ? lines.get(0) : second);
        }
        assertThat(blocks.get(0).block().parser()).isNotSameAs(blocks.get(blocks.size() - 1).block().parser());
    }

    /** A corrupt file fails the reader after the blocks cut before the corruption, which it takes first. */
    @Test
    void aFailureComesAfterTheBlocksCutBeforeIt() throws IOException {
        byte[] day = Files.readAllBytes(FIXTURES.resolve("basic/2026-11-21/01-deliveries.csv"));
        byte[] gzip = gzip(day, 2_000);
        Path path = Files.write(folder.resolve("cut.csv.gz"), Arrays.copyOf(gzip, gzip.length / 2));

        List<PartitionCutter.Cut> cuts;
        try (PartitionCutter cutter = cutter(List.of(LogFile.inspect(0, path, MAX_RECORD_BYTES)))) {
            cutter.start(0, 0, 1, null);
            cuts = takeAll(cutter);
        }

        assertThat(cuts.size()).isGreaterThan(1_000);
        assertThat(cuts.subList(0, cuts.size() - 1)).allMatch(cut -> cut instanceof PartitionCutter.Block);
        PartitionCutter.Failure failure = (PartitionCutter.Failure) cuts.get(cuts.size() - 1);
        assertThat(failure.error()).isInstanceOf(InputFormatException.class)
                .hasMessage("cut.csv.gz: truncated or corrupt gzip (Unexpected end of ZLIB input stream)");
    }

    /** A partition that fails while the cutter waits for room ahead stops the cutter and lets its file go. */
    @Test
    void closingWhileTheCutterWaitsLetsTheFileGo() throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "open descriptors are listed in /proc/self/fd");
        Path path = FIXTURES.resolve("basic/2026-11-21/01-deliveries.csv");

        PartitionCutter cutter = cutter(List.of(LogFile.inspect(0, path, MAX_RECORD_BYTES)));
        cutter.start(0, 0, 1, null);
        assertThat(cutter.take()).isInstanceOf(PartitionCutter.Block.class);
        assertThat(openDescriptorsOf(path, descriptors)).isEqualTo(1);
        cutter.close();

        assertThat(openDescriptorsOf(path, descriptors)).isZero();
        assertThat(cutterThreads()).isEmpty();
    }

    private static PartitionCutter cutter(List<LogFile> files) {
        return new PartitionCutter(files, MAX_RECORD_BYTES, BLOCKS, new ProgressMeter(10_000, null),
                SETTINGS, null, true,
                block -> CompletableFuture.completedFuture(null));
    }

    private static List<PartitionCutter.Cut> takeAll(PartitionCutter cutter) {
        List<PartitionCutter.Cut> cuts = new ArrayList<>();
        while (true) {
            PartitionCutter.Cut cut = cutter.take();
            cuts.add(cut);
            if (!(cut instanceof PartitionCutter.Block)) {
                return cuts;
            }
        }
    }

    /** The offset after each line's line break: element i ends line i + 1. */
    private static List<Long> lineEnds(byte[] content) {
        List<Long> ends = new ArrayList<>();
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                ends.add((long) i + 1);
            }
        }
        return ends;
    }

    private static long crc(byte[] content, long length) {
        CRC32C crc = new CRC32C();
        crc.update(content, 0, (int) length);
        return crc.getValue();
    }

    /** The header once, then the records {@code times} over. */
    private static byte[] gzip(byte[] csv, int times) throws IOException {
        int headerEnd = new String(csv).indexOf('\n') + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(csv, 0, headerEnd);
            for (int i = 0; i < times; i++) {
                out.write(csv, headerEnd, csv.length - headerEnd);
            }
        }
        return bytes.toByteArray();
    }

    /** How many of the process's open descriptors are the file. */
    private static long openDescriptorsOf(Path file, Path descriptors) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> entries = Files.list(descriptors)) {
            return entries.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(real);
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    private static List<Thread> cutterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cutter-")).toList();
    }
}
