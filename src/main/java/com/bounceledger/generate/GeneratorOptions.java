package com.bounceledger.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The generator's command-line options.
 *
 * @param out   root of the generated input: files go to {@code <out>/<date>/}
 * @param truth folder of the per-day truth files, or null for none
 */
record GeneratorOptions(long seed, LocalDate start, int days, int messagesPerDay, int accounts, Path out, Path truth,
                        double badRate, String format) {

    static final String USAGE = "usage: generate [--seed N] [--start YYYY-MM-DD] [--days N] [--messages N-per-day]"
            + " [--accounts N] [--out DIR] [--truth DIR] [--bad-rate R] [--format canonical|powermta|postfix]";

    /** Message ids carry the day's sequence number in eight digits. */
    static final int MAX_MESSAGES_PER_DAY = 99_999_999;
    static final List<String> FORMATS = List.of("canonical", "powermta", "postfix");

    /** @throws IllegalArgumentException with a one-line message for the user */
    static GeneratorOptions parse(String[] args) {
        long seed = 42;
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        int days = 1;
        int messages = 3000;
        int accounts = 3;
        Path out = Path.of("input");
        Path truth = null;
        double badRate = 0.001;
        String format = "canonical";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            switch (option) {
                case "--seed" -> seed = parseLong(option, value);
                case "--start" -> start = parseDate(value);
                case "--days" -> days = parseInt(option, value, 1, 3660);
                case "--messages" -> messages = parseInt(option, value, 1, MAX_MESSAGES_PER_DAY);
                case "--accounts" -> accounts = parseInt(option, value, 1, 1000);
                case "--out" -> out = Path.of(value);
                case "--truth" -> truth = Path.of(value);
                case "--bad-rate" -> badRate = parseRate(value);
                case "--format" -> format = parseFormat(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (accounts > messages) {
            throw new IllegalArgumentException("--accounts " + accounts + " exceeds --messages " + messages);
        }
        return new GeneratorOptions(seed, start, days, messages, accounts, out, truth, badRate, format);
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, not '" + value + "'");
        }
    }

    private static int parseInt(String option, String value, int min, int max) {
        long number = parseLong(option, value);
        if (number < min || number > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return (int) number;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start must be a date YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static double parseRate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 0.5) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--bad-rate must be a number from 0 to 0.5, not '" + value + "'");
    }

    private static String parseFormat(String value) {
        if (!FORMATS.contains(value)) {
            throw new IllegalArgumentException("--format must be one of " + String.join(", ", FORMATS) + ", not '" + value + "'");
        }
        return value;
    }
}
