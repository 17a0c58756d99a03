package com.bounceledger.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.CRC32C;

/**
 * Cuts a byte stream into blocks of whole records: lines, or for CSV, RFC 4180 records whose quoted fields
 * may hold line breaks. It only looks for record ends (one pass over the bytes, one copy), so that the one
 * thread reading a file keeps up with the threads parsing its blocks. Works on bytes so that an over-long
 * record or invalid UTF-8 rejects one record instead of failing the file, and so that the position after
 * each block is an exact restart offset. It also checksums what it consumes, so that a restart can check that the
 * part of a file already read is unchanged without the job reading every file once more beforehand.
 */
public final class BlockCutter implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long QUOTES = 0x2222222222222222L;

    private final InputStream in;
    private final boolean quoted;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int bufferPos;
    private int bufferLimit;
    private long offset;
    private long nextLine;
    private final CRC32C consumed = new CRC32C();
    /** The buffer's bytes before this are in {@link #consumed}: it is updated a buffer at a time, not per record. */
    private int checksummedTo;
    /** The block being cut. */
    private byte[] bytes;
    private int length;

    /**
     * @param offset   the stream position of {@code in}: 0 for a new file, the restart offset after a skip
     * @param nextLine the line number of the first record to be read
     */
    public BlockCutter(InputStream in, boolean quoted, int maxRecordBytes, long offset, long nextLine) {
        this.in = in;
        this.quoted = quoted;
        this.maxRecordBytes = maxRecordBytes;
        this.offset = offset;
        this.nextLine = nextLine;
    }

    /** Decides, record by record in file order, whether a record must be the last of its block. */
    public interface BlockEnd {
        /** Whether the record, as bytes, may end its block: cheap, and false positives only cost a decode. */
        boolean mayEnd(byte[] bytes, int from, int to);

        /** Whether the record, decoded, ends its block. */
        boolean ends(RawRecord record);
    }

    /**
     * @param maxRecords at most this many records
     * @param maxBytes   no record is added once the block holds this many bytes (so a block exceeds it by less
     *                   than one record)
     * @return the next records, or null at the end of the stream. Blank lines are skipped.
     */
    public RecordBlock next(int maxRecords, int maxBytes) throws IOException {
        return next(maxRecords, maxBytes, null);
    }

    /** As {@link #next(int, int)}; a record of usable length that {@code blockEnd} says ends its block ends it. */
    public RecordBlock next(int maxRecords, int maxBytes, BlockEnd blockEnd) throws IOException {
        // Sized for typical records (a few hundred bytes), so that most blocks never grow.
        bytes = new byte[(int) Math.min(Math.min(maxBytes, maxRecords * 256L) + 1024, 1 << 22)];
        length = 0;
        int[] ends = new int[Math.min(maxRecords, 1024)];
        long[] lines = new long[ends.length];
        BitSet tooLong = null;
        int count = 0;
        while (count < maxRecords && length < maxBytes) {
            int start = length;
            long startLine = nextLine;
            long contentBytes = readRecord(start);
            if (contentBytes < 0) {
                break; // the end of the stream
            }
            int recordLength = (int) Math.min(contentBytes, maxRecordBytes);
            if (recordLength > 0 && bytes[start + recordLength - 1] == '\r') {
                recordLength--;
            }
            if (recordLength > 0 && bytes[start + recordLength - 1] == '\n') {
                recordLength--; // quoted field left open at the end of the stream
            }
            boolean over = contentBytes > maxRecordBytes;
            length = start + recordLength;
            if (recordLength == 0 && !over) {
                continue;
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                lines = Arrays.copyOf(lines, count * 2);
            }
            ends[count] = length;
            lines[count] = startLine;
            count++;
            if (over) {
                if (tooLong == null) {
                    tooLong = new BitSet();
                }
                tooLong.set(count - 1);
            } else if (blockEnd != null && blockEnd.mayEnd(bytes, start, length)
                    && blockEnd.ends(RecordBlock.decode(bytes, start, length - start, startLine))) {
                break;
            }
        }
        RecordBlock block = count == 0 ? null : new RecordBlock(bytes, ends, lines, count, tooLong, maxRecordBytes);
        bytes = null;
        return block;
    }

    /**
     * Appends one record's content, up to maxRecordBytes, at {@code start}; the rest of an over-long record is
     * dropped.
     *
     * @return the record's length in the stream without its final line break, or -1 at the end of the stream
     */
    private long readRecord(int start) throws IOException {
        long contentBytes = 0; // the record's bytes so far, counted past maxRecordBytes
        boolean inQuotes = false;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                return sawAny ? contentBytes : -1;
            }
            sawAny = true;
            // Find the record's end among the buffered bytes, then copy them at once.
            int runStart = bufferPos;
            int limit = bufferLimit;
            int end = -1;
            for (int pos = nextSpecial(runStart, limit); pos < limit; pos = nextSpecial(pos + 1, limit)) {
                if (buffer[pos] == '"') {
                    inQuotes = !inQuotes;
                    continue;
                }
                nextLine++;
                // Over the limit, a line break ends the record even inside quotes.
                if (!inQuotes || contentBytes + (pos - runStart) > maxRecordBytes) {
                    end = pos;
                    break;
                }
            }
            int runEnd = end < 0 ? limit : end;
            append(start, runStart, runEnd - runStart, contentBytes);
            contentBytes += runEnd - runStart;
            bufferPos = end < 0 ? limit : end + 1;
            offset += bufferPos - runStart;
            if (end >= 0) {
                return contentBytes;
            }
        }
    }

    /**
     * @return the position of the next line break (or quote, for a quoted format) from {@code pos}, or
     * {@code limit}. Eight bytes at a time: most of a record is neither, and this scan is the reading
     * thread's main work.
     */
    private int nextSpecial(int pos, int limit) {
        byte[] buf = buffer;
        long quote = quoted ? QUOTES : NEWLINES;
        for (; pos + 8 <= limit; pos += 8) {
            long word = (long) LONGS.get(buf, pos);
            long found = zeroBytes(word ^ NEWLINES) | zeroBytes(word ^ quote);
            if (found != 0) {
                return pos + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; pos < limit; pos++) {
            byte b = buf[pos];
            if (b == '\n' || b == '"' && quoted) {
                return pos;
            }
        }
        return limit;
    }

    /**
     * Marks the zero bytes of a word with their high bit. A borrow may also mark a byte above a zero byte, never
     * one below the first, so the lowest mark is exact (the little-endian first zero byte).
     */
    private static long zeroBytes(long word) {
        return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
    }

    /** Copies buffered bytes into the block, up to maxRecordBytes of the record. */
    private void append(int start, int from, int count, long contentBytes) {
        int copy = (int) Math.max(0, Math.min(count, maxRecordBytes - contentBytes));
        if (copy == 0) {
            return;
        }
        int at = start + (int) contentBytes;
        if (at + copy > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + copy));
        }
        System.arraycopy(buffer, from, bytes, at, copy);
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

    /** Bytes consumed so far: after a block, the offset at which reading resumes. */
    public long offset() {
        return offset;
    }

    /**
     * The CRC32C of the bytes consumed so far: of the stream's first {@link #offset()} bytes when the cutter
     * started at its beginning (a skip consumes the bytes it skips).
     */
    public long checksum() {
        consumed.update(buffer, checksummedTo, bufferPos - checksummedTo);
        checksummedTo = bufferPos;
        return consumed.getValue();
    }

    /** The line number of the next record. */
    public long nextLine() {
        return nextLine;
    }

    private boolean fill() throws IOException {
        consumed.update(buffer, checksummedTo, bufferLimit - checksummedTo); // called once all are consumed
        checksummedTo = 0;
        bufferPos = 0;
        int n = in.read(buffer, 0, buffer.length);
        bufferLimit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
