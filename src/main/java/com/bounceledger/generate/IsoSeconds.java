package com.bounceledger.generate;

import java.time.LocalDate;

/**
 * Formats epoch seconds as {@code 2026-11-21T03:14:15Z}, fast: the date part is cached per day,
 * because {@code Instant.toString()} would dominate the cost of writing millions of rows.
 */
final class IsoSeconds {

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;
    private final char[] buffer = new char[20];

    String format(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day) + "T";
            cachedDate.getChars(0, 11, buffer, 0);
        }
        int second = (int) (epochSecond - day * 86_400);
        putTwoDigits(11, second / 3600);
        buffer[13] = ':';
        putTwoDigits(14, second / 60 % 60);
        buffer[16] = ':';
        putTwoDigits(17, second % 60);
        buffer[19] = 'Z';
        return new String(buffer);
    }

    private void putTwoDigits(int at, int value) {
        buffer[at] = (char) ('0' + value / 10);
        buffer[at + 1] = (char) ('0' + value % 10);
    }
}
