package com.bounceledger.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogFormat;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RawRecordSource;
import com.bounceledger.ingest.RowRejectedException;

/**
 * Reads one input file record by record. Its checkpoint is the byte offset (in the decompressed content)
 * and line number after the last record of the committed chunk; a restart skips to it.
 */
public class LogFileItemReader implements ItemStreamReader<ParsedRecord> {

    private static final String OFFSET = "offset";
    private static final String LINE = "line";

    private final Path path;
    private final LogFormat format;
    private final int maxRecordBytes;
    private final ProgressMeter progress;
    private RawRecordSource source;
    private LogRecordParser parser;

    public LogFileItemReader(Path path, LogFormat format, int maxRecordBytes, ProgressMeter progress) {
        this.path = path;
        this.format = format;
        this.maxRecordBytes = maxRecordBytes;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            InputStream content = LogFile.decompressing(new CountingStream(Files.newInputStream(path), progress));
            source = new RawRecordSource(content, format.quoted(), maxRecordBytes, 0, 1);
            String header = null;
            if (format.hasHeader()) {
                RawRecord first = source.next();
                header = first == null ? null : first.text();
            }
            parser = header == null && format.hasHeader() ? null : format.parser(header);
            long offset = context.getLong(OFFSET, 0L);
            if (offset > source.offset()) {
                source.skipTo(offset, context.getLong(LINE));
            }
        } catch (IOException e) {
            throw new ItemStreamException(failure(e), e);
        } catch (InputFormatException e) {
            throw new InputFormatException(path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ParsedRecord read() {
        if (parser == null) {
            return null;
        }
        RawRecord record;
        try {
            record = source.next();
        } catch (IOException e) {
            throw new InputFormatException(failure(e), e);
        }
        if (record == null) {
            return null;
        }
        if (record.error() != null) {
            return ParsedRecord.rejected(record.line(), record.error(), record.text());
        }
        List<DeliveryEvent> events = new ArrayList<>(1);
        try {
            parser.parse(record, events);
        } catch (RowRejectedException e) {
            return ParsedRecord.rejected(record.line(), e.getMessage(), record.text());
        }
        return new ParsedRecord(record.line(), events, null, null);
    }

    @Override
    public void update(ExecutionContext context) {
        if (source != null) {
            context.putLong(OFFSET, source.offset());
            context.putLong(LINE, source.nextLine());
        }
    }

    @Override
    public void close() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
            source = null;
        }
    }

    private String failure(IOException e) {
        String kind = e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException
                ? "truncated or corrupt gzip" : "read error";
        return path.getFileName() + ": " + kind + " (" + e.getMessage() + ")";
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
