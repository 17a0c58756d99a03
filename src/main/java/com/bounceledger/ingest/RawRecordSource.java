package com.bounceledger.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into records: lines, or for CSV, RFC 4180 records whose quoted fields may hold
 * line breaks. Works on bytes so that an over-long record or invalid UTF-8 rejects one record instead
 * of failing the file, and so that the position after each record is an exact restart offset.
 */
public final class RawRecordSource implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final boolean quoted;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] record = new byte[1024];
    private int bufferPos;
    private int bufferLimit;
    private long offset;
    private long nextLine;

    /**
     * @param offset   the stream position of {@code in}: 0 for a new file, the restart offset after a skip
     * @param nextLine the line number of the first record to be read
     */
    public RawRecordSource(InputStream in, boolean quoted, int maxRecordBytes, long offset, long nextLine) {
        this.in = in;
        this.quoted = quoted;
        this.maxRecordBytes = maxRecordBytes;
        this.offset = offset;
        this.nextLine = nextLine;
    }

    /** @return the next record, or null at the end of the stream. Blank lines are skipped. */
    public RawRecord next() throws IOException {
        while (true) {
            long startLine = nextLine;
            int length = 0;
            boolean inQuotes = false;
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (bufferPos == bufferLimit && !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
                sawAny = true;
                byte b = buffer[bufferPos++];
                offset++;
                if (b == '\n') {
                    nextLine++;
                    if (!inQuotes || tooLong) {
                        break;
                    }
                } else if (b == '"' && quoted) {
                    inQuotes = !inQuotes;
                }
                if (tooLong) {
                    continue;
                }
                if (length == maxRecordBytes) {
                    tooLong = true;
                    continue;
                }
                if (length == record.length) {
                    record = Arrays.copyOf(record, Math.min(record.length * 2, maxRecordBytes));
                }
                record[length++] = b;
            }
            if (length > 0 && record[length - 1] == '\r') {
                length--;
            }
            if (length > 0 && record[length - 1] == '\n') {
                length--; // quoted field left open at the end of the stream
            }
            if (length == 0 && !tooLong) {
                continue;
            }
            return decode(startLine, length, tooLong);
        }
    }

    /** Resumes at a checkpoint: discards content up to {@code target} and continues counting at {@code line}. */
    public void skipTo(long target, long line) throws IOException {
        while (offset < target) {
            if (bufferPos == bufferLimit && !fill()) {
                throw new java.io.EOFException("the file ends before its checkpoint at byte " + target);
            }
            int n = (int) Math.min(bufferLimit - bufferPos, target - offset);
            bufferPos += n;
            offset += n;
        }
        nextLine = line;
    }

    /** Bytes consumed so far: after a record, the offset at which reading resumes. */
    public long offset() {
        return offset;
    }

    public long nextLine() {
        return nextLine;
    }

    private RawRecord decode(long line, int length, boolean tooLong) {
        if (tooLong) {
            return RawRecord.rejected(line, "line over " + maxRecordBytes / 1024 + " KiB",
                    lenient(length));
        }
        if (isAscii(length)) {
            return RawRecord.of(line, new String(record, 0, length, StandardCharsets.ISO_8859_1));
        }
        try {
            CharBuffer chars = strictUtf8.decode(ByteBuffer.wrap(record, 0, length));
            return RawRecord.of(line, chars.toString());
        } catch (CharacterCodingException e) {
            return RawRecord.rejected(line, "invalid UTF-8", lenient(length));
        }
    }

    private String lenient(int length) {
        return new String(record, 0, length, StandardCharsets.UTF_8);
    }

    private boolean isAscii(int length) {
        for (int i = 0; i < length; i++) {
            if (record[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferLimit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
