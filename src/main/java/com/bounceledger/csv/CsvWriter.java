package com.bounceledger.csv;

import java.io.PrintStream;
import java.util.List;

/** Writes RFC 4180 records: a field with a comma, a quote or a line break is quoted, quotes doubled. */
public final class CsvWriter {

    private final PrintStream out;

    public CsvWriter(PrintStream out) {
        this.out = out;
    }

    public void write(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields.get(i)));
        }
        out.print(line.append('\n'));
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
