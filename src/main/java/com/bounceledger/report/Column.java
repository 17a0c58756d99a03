package com.bounceledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/** One column of a table sheet: the key of its title, how its cells are written, and its value of a row. */
record Column<T>(String titleKey, CellKind kind, Function<T, ?> value) {

    static <T> Column<T> text(String titleKey, Function<T, String> value) {
        return new Column<>(titleKey, CellKind.TEXT, value);
    }

    static <T> Column<T> count(String titleKey, Function<T, Long> value) {
        return new Column<>(titleKey, CellKind.COUNT, value);
    }

    static <T> Column<T> rate(String titleKey, Function<T, Double> value) {
        return new Column<>(titleKey, CellKind.RATE, value);
    }

    static <T> Column<T> date(String titleKey, Function<T, LocalDate> value) {
        return new Column<>(titleKey, CellKind.DATE, value);
    }

    static <T> Column<T> time(String titleKey, Function<T, Instant> value) {
        return new Column<>(titleKey, CellKind.TIME, value);
    }
}
