package com.bounceledger.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.bounceledger.ingest.BlockCutter;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.OnePassFileStream;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.PostfixQueue;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RecordBlock;

/**
 * Cuts a partition's files into blocks on a thread of its own, up to a chunk's blocks ahead of the reader, and
 * hands each block to the ingest workers as it is cut (unless its format is parsed in order, by the reader), so
 * that cutting and processing the next chunk overlap writing the current one. Each block comes with the position
 * after it, which is the reader's checkpoint once the reader has taken it: a restart resumes after the last
 * block of the committed chunk, not after the blocks cut ahead.
 */
final class PartitionCutter implements AutoCloseable {

    /** What the reader takes, in file order: blocks, then the end or the failure that stopped the cutting. */
    sealed interface Cut {
    }

    /**
     * @param block      its records, with the parser of the columns in force at the block
     * @param processing its processing, started as it was cut; null for a format parsed in order
     * @param after      the position once the block is taken
     * @param finished   the files read to their end before the block
     */
    record Block(FileBlock.Unparsed block, CompletableFuture<SpilledBlock> processing, Position after,
                 List<InputFileRepository.Read> finished) implements Cut {
    }

    /** The last file's end, as {@link Block}'s position and finished files. */
    record End(Position after, List<InputFileRepository.Read> finished) implements Cut {
    }

    /** Cutting stopped on this error (a RuntimeException or an Error), after the blocks before it. */
    record Failure(Throwable error) implements Cut {
    }

    /**
     * A restart point.
     *
     * @param file     the index of the file in the partition
     * @param open     whether the file has records to read (not only a header); offset, line and checksum
     *                 are meaningful only if it does
     * @param offset   the byte offset in the decompressed content after the last record taken
     * @param line     the line of the next record
     * @param checksum the CRC32C of the file's content up to {@code offset}
     * @param header   the header whose columns are in force, or null for a format without one
     */
    record Position(int file, boolean open, long offset, long line, long checksum, String header) {
    }

    private final List<LogFile> files;
    private final int maxRecordBytes;
    private final BlockSize blockSize;
    private final ProgressMeter progress;
    private final ParserSettings settings;
    private final PostfixQueue queue;
    private final boolean directReads;
    private final Function<FileBlock, CompletableFuture<SpilledBlock>> startProcessing;
    private final BlockingQueue<Cut> ahead;
    private final List<InputFileRepository.Read> finished = new ArrayList<>();
    private Thread thread;
    private volatile boolean closed;
    private int current;
    private BlockCutter cutter;
    private LogRecordParser parser;
    /** The header whose columns {@link #parser} reads: the file's first line or a repeated header. */
    private String header;
    /** A repeated header ends the block being cut: the parser of the blocks after it. */
    private LogRecordParser redefined;
    private String redefiningHeader;

    /**
     * @param queue       the Postfix queue ids still open, for a format that {@code joinsFiles()}; else null
     * @param directReads     whether to read the files around the page cache where the file system allows it
     *                        ({@link OnePassFileStream})
     * @param startProcessing hands a block to the ingest workers
     */
    PartitionCutter(List<LogFile> files, int maxRecordBytes, BlockSize blockSize, ProgressMeter progress,
                    ParserSettings settings, PostfixQueue queue, boolean directReads,
                    Function<FileBlock, CompletableFuture<SpilledBlock>> startProcessing) {
        this.files = files;
        this.maxRecordBytes = maxRecordBytes;
        this.blockSize = blockSize;
        this.progress = progress;
        this.settings = settings;
        this.queue = queue;
        this.directReads = directReads;
        this.startProcessing = startProcessing;
        this.ahead = new ArrayBlockingQueue<>(blockSize.blocksPerChunk());
    }

    /**
     * Opens the file at a checkpoint, on the caller's thread (so that a file that cannot be opened fails the
     * open), then starts cutting.
     *
     * @param header the header in force at the checkpoint, if a repeated one redefined the columns, or null
     * @return the position it starts from
     */
    Position start(int file, long offset, long line, String header) {
        current = file;
        openFile(offset, line);
        if (header != null && !header.equals(this.header)) {
            useHeader(files.get(current), header);
        }
        Position start = position();
        thread = new Thread(this::cutAll, "cutter-" + files.get(0).name());
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** The next block, the end, or the failure that stopped the cutting. */
    Cut take() {
        try {
            return ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while waiting for the input to be read", e);
        }
    }

    private void cutAll() {
        try {
            while (true) {
                LogFile file = files.get(current);
                RecordBlock block = next(file);
                if (block != null) {
                    FileBlock.Unparsed unparsed = unparsed(file, block);
                    CompletableFuture<SpilledBlock> processing =
                            file.format().parsesInOrder() ? null : startProcessing.apply(unparsed);
                    ahead.put(new Block(unparsed, processing, position(), takeFinished()));
                } else if (current == files.size() - 1) {
                    ahead.put(new End(position(), takeFinished()));
                    return;
                } else {
                    if (cutter != null) {
                        finished.add(readSoFar());
                    }
                    closeCutter();
                    current++;
                    openFile(0, 1);
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader
        } catch (RuntimeException | Error e) {
            if (!closed) {
                putFailure(e);
            }
        } finally {
            try {
                closeCutter();
            } catch (ItemStreamException e) {
                // a read-only file: nothing is lost, and the reader already has what it needs
            }
        }
    }

    /** Behind the blocks already cut, which the reader takes first (their chunk may still commit). */
    private void putFailure(Throwable e) {
        try {
            ahead.put(new Failure(e));
        } catch (InterruptedException closing) {
            // closed by the reader
        }
    }

    private List<InputFileRepository.Read> takeFinished() {
        if (finished.isEmpty()) {
            return List.of();
        }
        List<InputFileRepository.Read> reads = List.copyOf(finished);
        finished.clear();
        return reads;
    }

    private Position position() {
        return cutter == null ? new Position(current, false, 0, 0, 0, header)
                : new Position(current, true, cutter.offset(), cutter.nextLine(), cutter.checksum(), header);
    }

    private FileBlock.Unparsed unparsed(LogFile file, RecordBlock block) {
        FileBlock.Unparsed item = new FileBlock.Unparsed(file, block, parser);
        if (redefined != null) { // a repeated header ended the block: the blocks after it have its columns
            parser = redefined;
            header = redefiningHeader;
            redefined = null;
        }
        return item;
    }

    private RecordBlock next(LogFile file) {
        if (cutter == null) {
            return null; // a file with a header and nothing else
        }
        try {
            return cutter.next(blockSize.records(), blockSize.bytes(), file.format().parsesInOrder() ? null
                    : new RepeatedHeader(file));
        } catch (IOException e) {
            throw LogFile.readFailure(file.name(), e);
        }
    }

    /** Ends a block at a record that redefines the columns, keeping the parser of the columns it names. */
    private final class RepeatedHeader implements BlockCutter.BlockEnd {
        private final LogFile file;

        RepeatedHeader(LogFile file) {
            this.file = file;
        }

        @Override
        public boolean mayEnd(byte[] bytes, int from, int to) {
            return parser.mayRedefine(bytes, from, to);
        }

        @Override
        public boolean ends(RawRecord record) {
            LogRecordParser after;
            try {
                after = parser.after(record);
            } catch (InputFormatException e) {
                throw new InputFormatException(file.name() + ", line " + record.line() + ": " + e.getMessage(), e);
            }
            if (after == parser) {
                return false;
            }
            redefined = after;
            redefiningHeader = record.text();
            return true;
        }
    }

    /** Opens the current file and resumes after {@code offset}; a joined format keeps its parser across files. */
    private void openFile(long offset, long line) {
        LogFile file = files.get(current);
        try {
            InputStream content = LogFile.decompressing(
                    new CountingStream(OnePassFileStream.open(file.path(), directReads), progress));
            cutter = new BlockCutter(content, file.format().quoted(), maxRecordBytes, 0, 1);
            String first = null;
            if (file.format().hasHeader()) {
                RecordBlock block = cutter.next(1, maxRecordBytes);
                if (block == null) {
                    closeCutter();
                    return;
                }
                first = block.record(0).text();
            }
            if (parser == null || !file.format().joinsFiles()) {
                useHeader(file, first);
            }
            if (offset > cutter.offset()) {
                cutter.skipTo(offset, line);
            }
        } catch (IOException e) {
            throw LogFile.readFailure(file.name(), e);
        }
    }

    /** @param header the header whose columns the records that follow have, or null for a format without one */
    private void useHeader(LogFile file, String header) {
        try {
            parser = file.format().parser(header, settings, queue);
        } catch (InputFormatException e) {
            throw new InputFormatException(file.name() + ": " + e.getMessage(), e);
        }
        this.header = header;
    }

    private InputFileRepository.Read readSoFar() {
        return new InputFileRepository.Read(files.get(current).index(), cutter.offset(), cutter.checksum());
    }

    /** Stops the cutting thread, if it runs, and closes the file it reads. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            closeCutter();
            return;
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void closeCutter() {
        if (cutter != null) {
            try {
                cutter.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
            cutter = null;
        }
    }

    /** Counts the file's raw bytes for the progress line (percent of input bytes). */
    private static final class CountingStream extends FilterInputStream {
        private final ProgressMeter progress;

        CountingStream(InputStream in, ProgressMeter progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.addBytes(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.addBytes(n);
            }
            return n;
        }
    }
}
