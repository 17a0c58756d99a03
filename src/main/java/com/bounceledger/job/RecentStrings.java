package com.bounceledger.job;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last distinct values read of a spill field that repeats from event to event (an account, a campaign): a
 * value read again comes back as the same {@code String}, without decoding, and with its hash code already
 * computed, which the day's counts per campaign and the messages' keys use next.
 */
final class RecentStrings {

    private static final int SIZE = 16;

    private final byte[][] encoded = new byte[SIZE][];
    private final String[] values = new String[SIZE];
    private int oldest;

    /** @return the value of these UTF-8 bytes: a recent one when it has the same bytes */
    String of(byte[] buffer, int offset, int length) {
        for (int i = 0; i < SIZE; i++) {
            byte[] candidate = encoded[i];
            if (candidate != null && candidate.length == length
                    && Arrays.equals(candidate, 0, length, buffer, offset, offset + length)) {
                return values[i];
            }
        }
        String value = new String(buffer, offset, length, StandardCharsets.UTF_8);
        encoded[oldest] = Arrays.copyOfRange(buffer, offset, offset + length);
        values[oldest] = value;
        oldest = (oldest + 1) % SIZE;
        return value;
    }
}
