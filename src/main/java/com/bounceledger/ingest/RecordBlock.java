package com.bounceledger.ingest;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Whole records of one file, cut by {@link BlockCutter} on the reading thread and turned into text on any
 * thread: decoding is left to whoever parses the block, so that the single reading thread only looks for
 * record ends.
 *
 * @param bytes          the records' bytes back to back, each without its line break; an over-long record keeps
 *                       its first {@code maxRecordBytes}
 * @param ends           where each record ends in {@code bytes}; the next one starts there
 * @param lines          the line number where each record starts (1-based, physical lines)
 * @param size           the number of records
 * @param tooLong        the records over {@code maxRecordBytes}, or null when there is none
 * @param maxRecordBytes the longest usable record
 */
public record RecordBlock(byte[] bytes, int[] ends, long[] lines, int size, BitSet tooLong, int maxRecordBytes) {

    /** @return the record's text, or the reason it cannot be read as text (too long, invalid UTF-8) */
    public RawRecord record(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        int length = ends[index] - start;
        long line = lines[index];
        if (tooLong != null && tooLong.get(index)) {
            return RawRecord.rejected(line, "line over " + maxRecordBytes / 1024 + " KiB", lenient(bytes, start, length));
        }
        return decode(bytes, start, length, line);
    }

    /** A record of usable length as text, or rejected as invalid UTF-8. */
    static RawRecord decode(byte[] bytes, int start, int length, long line) {
        if (Utf8.isAscii(bytes, start, length)) {
            return RawRecord.of(line, new String(bytes, start, length, StandardCharsets.ISO_8859_1));
        }
        if (!Utf8.isValid(bytes, start, length)) {
            return RawRecord.rejected(line, "invalid UTF-8", lenient(bytes, start, length));
        }
        return RawRecord.of(line, new String(bytes, start, length, StandardCharsets.UTF_8));
    }

    /** The first line of the block; a block holds at least one record. */
    public long firstLine() {
        return lines[0];
    }

    private static String lenient(byte[] bytes, int start, int length) {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
}
