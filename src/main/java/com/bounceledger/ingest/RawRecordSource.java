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
            long contentBytes = 0; // the record's bytes so far, counted past maxRecordBytes
            boolean inQuotes = false;
            boolean sawAny = false;
            int nonAscii = 0;
            while (true) {
                if (bufferPos == bufferLimit && !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
                sawAny = true;
                // Scan the buffered bytes for the record's end in local variables, then copy them at once.
                int runStart = bufferPos;
                int pos = runStart;
                int limit = bufferLimit;
                int end = -1;
                for (; pos < limit; pos++) {
                    byte b = buffer[pos];
                    nonAscii |= b;
                    if (b == '\n') {
                        nextLine++;
                        // Over the limit, a line break ends the record even inside quotes.
                        if (!inQuotes || contentBytes + (pos - runStart) > maxRecordBytes) {
                            end = pos;
                            break;
                        }
                    } else if (b == '"' && quoted) {
                        inQuotes = !inQuotes;
                    }
                }
                int runEnd = end < 0 ? limit : end;
                append(runStart, runEnd - runStart, contentBytes);
                contentBytes += runEnd - runStart;
                bufferPos = end < 0 ? limit : end + 1;
                offset += bufferPos - runStart;
                if (end >= 0) {
                    break;
                }
            }
            boolean tooLong = contentBytes > maxRecordBytes;
            int length = (int) Math.min(contentBytes, maxRecordBytes);
            if (length > 0 && record[length - 1] == '\r') {
                length--;
            }
            if (length > 0 && record[length - 1] == '\n') {
                length--; // quoted field left open at the end of the stream
            }
            if (length == 0 && !tooLong) {
                continue;
            }
            return decode(startLine, length, tooLong, nonAscii >= 0);
        }
    }

    /** Copies buffered bytes into the record, up to maxRecordBytes; the rest of an over-long record is dropped. */
    private void append(int from, int count, long contentBytes) {
        int copy = (int) Math.max(0, Math.min(count, maxRecordBytes - contentBytes));
        if (copy == 0) {
            return;
        }
        int length = (int) contentBytes;
        if (length + copy > record.length) {
            record = Arrays.copyOf(record, Math.min(Math.max(record.length * 2, length + copy), maxRecordBytes));
        }
        System.arraycopy(buffer, from, record, length, copy);
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

    private RawRecord decode(long line, int length, boolean tooLong, boolean ascii) {
        if (tooLong) {
            return RawRecord.rejected(line, "line over " + maxRecordBytes / 1024 + " KiB",
                    lenient(length));
        }
        if (ascii) {
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
