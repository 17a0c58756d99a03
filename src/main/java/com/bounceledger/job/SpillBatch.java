package com.bounceledger.job;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A block's events encoded for the spill files by a processing thread, bucket after bucket, so that the writer
 * only appends one run of bytes per bucket. The encoding is {@link SpillFileReader}'s: bytes, big-endian longs,
 * and null-safe strings (a varint of length + 1, 0 for null, then UTF-8 bytes).
 */
final class SpillBatch {

    private byte[] bytes;
    private int length;
    /** Where each bucket's run ends; the buckets from {@code nextBucket} on have none yet. */
    private final int[] bucketEnds;
    private int nextBucket;

    /** @param expectedBytes the likely total, so that the buffer rarely grows */
    SpillBatch(int buckets, int expectedBytes) {
        bucketEnds = new int[buckets];
        bytes = new byte[Math.max(expectedBytes, 256)];
    }

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    void writeString(String value) {
        if (value == null) {
            writeVarint(0);
            return;
        }
        int chars = value.length();
        ensure(5 + chars);
        // Most text is ASCII: one byte per char, written in place; otherwise encode it.
        int at = length + varintLength(chars + 1);
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                writeVarint(utf8.length + 1);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return;
            }
            bytes[at + i] = (byte) c;
        }
        writeVarint(chars + 1);
        length += chars;
    }

    /** What is written from now on belongs to {@code bucket}: the runs of the buckets before it end here. */
    void beginBucket(int bucket) {
        for (; nextBucket < bucket; nextBucket++) {
            bucketEnds[nextBucket] = length;
        }
    }

    /** Appends each bucket's run to the bucket's file. */
    void appendTo(SpillFileWriter[] buckets) {
        beginBucket(bucketEnds.length);
        int start = 0;
        for (int b = 0; b < buckets.length; b++) {
            if (bucketEnds[b] > start) {
                buckets[b].write(bytes, start, bucketEnds[b] - start);
            }
            start = bucketEnds[b];
        }
    }

    private void writeVarint(int value) {
        ensure(5);
        while ((value & ~0x7f) != 0) {
            bytes[length++] = (byte) (value & 0x7f | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    private static int varintLength(int value) {
        int n = 1;
        while ((value & ~0x7f) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
