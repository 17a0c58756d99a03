package com.bounceledger.job;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.bounceledger.ingest.AddressHash;

/**
 * A block's events encoded for the spill files by a processing thread, in read order, each with its
 * recipient's address hash, so that the writer only appends each event's bytes to its bucket's file. The encoding is
 * {@link SpillFileReader}'s: bytes, big-endian longs, and null-safe strings (a varint of length + 1, 0 for
 * null, then UTF-8 bytes).
 */
final class SpillBatch {

    private byte[] bytes;
    private int length;
    private int[] ends = new int[64];
    private int[] hashes = new int[64];
    private int count;

    /** @param expectedBytes the likely total, so that the buffer rarely grows */
    SpillBatch(int expectedBytes) {
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

    /** Ends the event written since the last call: it goes to the bucket of this address hash. */
    void endEvent(long addressHash) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        ends[count] = length;
        hashes[count] = (int) addressHash;
        count++;
    }

    /** Appends each event of the buckets {@code from} (inclusive) to {@code to} to its bucket's file, in read order. */
    void appendTo(SpillFileWriter[] buckets, int from, int to) {
        int start = 0;
        for (int e = 0; e < count; e++) {
            int bucket = AddressHash.bucket(hashes[e] & 0xffffffffL, buckets.length);
            if (bucket >= from && bucket < to) {
                buckets[bucket].write(bytes, start, ends[e] - start);
            }
            start = ends[e];
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
