package com.bounceledger.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.PostfixQueue;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RawRecordSource;
import com.bounceledger.ingest.RowRejectedException;

/**
 * Reads the files of one partition record by record: one file, or for a format whose files form one log
 * (Postfix), all the day's files of that format in name order with one parser. Its checkpoint is the file,
 * the byte offset (in the decompressed content) and the line after the last record of the committed chunk;
 * a restart skips to it. The Postfix queue ids still open are stored with the checkpoint, in the chunk's
 * transaction, and reloaded on open.
 */
public class LogFileItemReader implements ItemStreamReader<ParsedRecord> {

    private static final String FILE = "file";
    private static final String OFFSET = "offset";
    private static final String LINE = "line";

    private final List<LogFile> files;
    private final int maxRecordBytes;
    private final ProgressMeter progress;
    private final ParserSettings settings;
    private final PostfixQueueRepository queueRepository;
    private PostfixQueue queue;
    private int current;
    private RawRecordSource source;
    private LogRecordParser parser;

    /** @param files of one format, in name order; several only for a format that {@code joinsFiles()} */
    public LogFileItemReader(List<LogFile> files, int maxRecordBytes, ProgressMeter progress, ParserSettings settings,
                             PostfixQueueRepository queueRepository) {
        this.files = files;
        this.maxRecordBytes = maxRecordBytes;
        this.progress = progress;
        this.settings = settings;
        this.queueRepository = queueRepository;
    }

    @Override
    public void open(ExecutionContext context) {
        if (files.get(0).format().joinsFiles()) {
            queue = queueRepository.load(settings.runDate());
        }
        current = context.getInt(FILE, 0);
        openFile(context.getLong(OFFSET, 0L), context.getLong(LINE, 1L));
    }

    @Override
    public ParsedRecord read() {
        while (true) {
            LogFile file = files.get(current);
            RawRecord record = next(file);
            if (record != null) {
                return parse(file, record);
            }
            if (current == files.size() - 1) {
                return null;
            }
            closeSource();
            current++;
            openFile(0, 1);
        }
    }

    private ParsedRecord parse(LogFile file, RawRecord record) {
        if (record.error() != null) {
            return ParsedRecord.rejected(file.index(), record.line(), record.error(), record.text());
        }
        List<DeliveryEvent> events = new ArrayList<>(1);
        try {
            parser.parse(record, events);
        } catch (RowRejectedException e) {
            return ParsedRecord.rejected(file.index(), record.line(), e.getMessage(), record.text());
        } catch (InputFormatException e) { // a repeated header that the rest of the file cannot be read by
            throw new InputFormatException(file.name() + ", line " + record.line() + ": " + e.getMessage(), e);
        }
        return new ParsedRecord(file.index(), record.line(), events, null, null);
    }

    private RawRecord next(LogFile file) {
        if (source == null) {
            return null; // a file with a header and nothing else
        }
        try {
            return source.next();
        } catch (IOException e) {
            throw new InputFormatException(failure(file, e), e);
        }
    }

    /** Opens the current file and resumes after {@code offset}; a joined format keeps its parser across files. */
    private void openFile(long offset, long line) {
        LogFile file = files.get(current);
        try {
            InputStream content = LogFile.decompressing(new CountingStream(Files.newInputStream(file.path()), progress));
            source = new RawRecordSource(content, file.format().quoted(), maxRecordBytes, 0, 1);
            String header = null;
            if (file.format().hasHeader()) {
                RawRecord first = source.next();
                if (first == null) {
                    closeSource();
                    return;
                }
                header = first.text();
            }
            if (parser == null || !file.format().joinsFiles()) {
                parser = file.format().parser(header, settings, queue);
            }
            if (offset > source.offset()) {
                source.skipTo(offset, line);
            }
        } catch (IOException e) {
            throw new ItemStreamException(failure(file, e), e);
        } catch (InputFormatException e) {
            throw new InputFormatException(file.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE, current);
        if (source != null) {
            context.putLong(OFFSET, source.offset());
            context.putLong(LINE, source.nextLine());
        }
        if (queue != null) {
            queueRepository.save(queue.takeChanges());
        }
    }

    @Override
    public void close() {
        closeSource();
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
            source = null;
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
