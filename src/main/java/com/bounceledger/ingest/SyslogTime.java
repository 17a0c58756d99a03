package com.bounceledger.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Timestamps of syslog lines: the classic {@code Nov 21 03:14:15} (no year, no zone: taken from the run date
 * and the configured zone, the year being the one that puts the date nearest the run date, so December lines
 * in a January run belong to the previous year) and the RFC 5424 / rsyslog {@code 2026-11-21T03:14:15.123+01:00}.
 */
final class SyslogTime {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    static final int CLASSIC_LENGTH = 15;

    private final LocalDate runDate;
    private final ZoneId zone;
    /** Lines come in time order: the epoch second of the last (month, day, hour) seen is reused. */
    private int cachedHourKey = -1;
    private long cachedHourStart;

    SyslogTime(LocalDate runDate, ZoneId zone) {
        this.runDate = runDate;
        this.zone = zone;
    }

    /** @return the length of the timestamp that starts the line, or -1 when the line does not start with one */
    static int length(String line) {
        if (line.length() > CLASSIC_LENGTH && line.charAt(3) == ' ' && line.charAt(6) == ' ' && line.charAt(9) == ':'
                && line.charAt(12) == ':' && MONTHS.indexOf(line.substring(0, 3)) % 3 == 0) {
            return CLASSIC_LENGTH;
        }
        if (line.length() > 19 && line.charAt(4) == '-' && line.charAt(7) == '-' && line.charAt(10) == 'T') {
            int space = line.indexOf(' ', 19);
            return space < 0 ? -1 : space;
        }
        return -1;
    }

    /** @throws RowRejectedException for a timestamp that names no real time */
    long epochSecond(String line, int length) {
        try {
            if (length == CLASSIC_LENGTH) {
                return classic(line);
            }
            return OffsetDateTime.parse(line.substring(0, length)).toEpochSecond();
        } catch (DateTimeException | NumberFormatException e) {
            throw new RowRejectedException("bad timestamp '" + line.substring(0, length) + "'");
        }
    }

    private long classic(String line) {
        int month = MONTHS.indexOf(line.substring(0, 3)) / 3 + 1;
        int day = Integer.parseInt(line.substring(4, 6).strip());
        int hour = digits(line, 7);
        int minute = digits(line, 10);
        int second = digits(line, 13);
        if (minute > 59 || second > 60) {
            throw new DateTimeException("out of range");
        }
        int hourKey = (month * 100 + day) * 100 + hour;
        if (hourKey != cachedHourKey) {
            LocalDateTime start = LocalDateTime.of(yearOf(month), month, day, hour, 0);
            cachedHourStart = start.atZone(zone).toEpochSecond();
            cachedHourKey = hourKey;
        }
        return cachedHourStart + minute * 60L + Math.min(second, 59);
    }

    /** The year that puts the month nearest the run date's month. */
    private int yearOf(int month) {
        int year = runDate.getYear();
        int distance = month - runDate.getMonthValue();
        if (distance > 6) {
            return year - 1;
        }
        if (distance < -6) {
            return year + 1;
        }
        return year;
    }

    private static int digits(String line, int at) {
        return Integer.parseInt(line, at, at + 2, 10);
    }
}
