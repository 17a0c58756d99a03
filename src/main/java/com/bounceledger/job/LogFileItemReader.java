package com.bounceledger.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.bounceledger.ingest.BlockCutter;
import com.bounceledger.ingest.BlockParser;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.OnePassFileStream;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.PostfixQueue;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RecordBlock;
import com.bounceledger.ingest.RecordSink;
import com.bounceledger.report.RejectedRow;

/**
 * Reads the files of one partition block by block: one file, or for a format whose files form one log
 * (Postfix), all the day's files of that format in name order with one parser. A block is whole records of
 * one file, cut without decoding them; a format whose records depend on the ones before (see
 * {@link com.bounceledger.ingest.LogFormat#parsesInOrder()}) is parsed here, in order, and any other is
 * parsed by the processing threads, each block with the parser of the columns in force (a repeated header ends
 * its block). Its checkpoint is the file, the byte offset (in the decompressed content) and the line after the
 * last block of the committed chunk, and the header in force there; a restart skips to it. The Postfix queue ids
 * still open are stored with the checkpoint, in the chunk's transaction, and reloaded on open, as is how far each
 * file has been read with the checksum of what was read ({@code input_read}), which a restart checks.
 */
public class LogFileItemReader implements ItemStreamReader<FileBlock> {

    private static final String FILE = "file";
    private static final String OFFSET = "offset";
    private static final String LINE = "line";
    private static final String HEADER = "header";

    private final List<LogFile> files;
    private final int maxRecordBytes;
    private final BlockSize blockSize;
    private final ProgressMeter progress;
    private final ParserSettings settings;
    private final PostfixQueueRepository queueRepository;
    private final InputFileRepository inputFiles;
    private final boolean directReads;
    /** Files read to their end since the last checkpoint: recorded with it. */
    private final List<InputFileRepository.Read> finished = new ArrayList<>();
    private PostfixQueue queue;
    private int current;
    private BlockCutter cutter;
    private LogRecordParser parser;
    /** The header whose columns {@link #parser} reads: the file's first line or a repeated header. */
    private String header;
    /** A repeated header ends the block being cut: the parser of the blocks after it. */
    private LogRecordParser redefined;
    private String redefiningHeader;

    /**
     * @param files       of one format, in name order; several only for a format that {@code joinsFiles()}
     * @param directReads whether to read the files around the page cache where the file system allows it
     *                    ({@link OnePassFileStream})
     */
    public LogFileItemReader(List<LogFile> files, int maxRecordBytes, BlockSize blockSize, ProgressMeter progress,
                             ParserSettings settings, PostfixQueueRepository queueRepository,
                             InputFileRepository inputFiles, boolean directReads) {
        this.files = files;
        this.maxRecordBytes = maxRecordBytes;
        this.blockSize = blockSize;
        this.progress = progress;
        this.settings = settings;
        this.queueRepository = queueRepository;
        this.inputFiles = inputFiles;
        this.directReads = directReads;
    }

    @Override
    public void open(ExecutionContext context) {
        if (files.get(0).format().joinsFiles()) {
            queue = queueRepository.load(settings.runDate());
        }
        current = context.getInt(FILE, 0);
        openFile(context.getLong(OFFSET, 0L), context.getLong(LINE, 1L));
        if (context.containsKey(HEADER) && !context.getString(HEADER).equals(header)) {
            useHeader(files.get(current), context.getString(HEADER)); // a repeated header before the checkpoint
        }
    }

    @Override
    public FileBlock read() {
        while (true) {
            LogFile file = files.get(current);
            RecordBlock block = next(file);
            if (block != null) {
                return file.format().parsesInOrder() ? parse(file, block) : unparsed(file, block);
            }
            if (current == files.size() - 1) {
                return null;
            }
            if (cutter != null) {
                finished.add(readSoFar());
            }
            closeCutter();
            current++;
            openFile(0, 1);
        }
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

    private FileBlock.Parsed parse(LogFile file, RecordBlock block) {
        List<DeliveryEvent> events = new ArrayList<>(block.size());
        List<RejectedRow> rejected = new ArrayList<>(0);
        BlockParser.parse(block, parser, new RecordSink() {
            @Override
            public void event(DeliveryEvent event) {
                events.add(event);
            }

            @Override
            public void rejected(long line, String error, String raw) {
                rejected.add(new RejectedRow(file.name(), line, error, raw));
            }
        });
        return new FileBlock.Parsed(file, block.size(), events, rejected);
    }

    private RecordBlock next(LogFile file) {
        if (cutter == null) {
            return null; // a file with a header and nothing else
        }
        try {
            return cutter.next(blockSize.records(), blockSize.bytes(), file.format().parsesInOrder() ? null
                    : new RepeatedHeader(file));
        } catch (IOException e) {
            throw new InputFormatException(failure(file, e), e);
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
            throw new ItemStreamException(failure(file, e), e);
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

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE, current);
        if (cutter != null) {
            context.putLong(OFFSET, cutter.offset());
            context.putLong(LINE, cutter.nextLine());
        }
        if (header != null) {
            context.putString(HEADER, header);
        }
        if (queue != null) {
            queueRepository.save(queue.takeChanges());
        }
        List<InputFileRepository.Read> reads = new ArrayList<>(finished);
        if (cutter != null) {
            reads.add(readSoFar());
        }
        if (!reads.isEmpty()) {
            inputFiles.recordReads(settings.runDate(), reads);
        }
        finished.clear();
    }

    private InputFileRepository.Read readSoFar() {
        return new InputFileRepository.Read(files.get(current).index(), cutter.offset(), cutter.checksum());
    }

    @Override
    public void close() {
        closeCutter();
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

    private static String failure(LogFile file, IOException e) {
        String kind = e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException
                ? "truncated or corrupt gzip" : "read error";
        return file.name() + ": " + kind + " (" + e.getMessage() + ")";
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
