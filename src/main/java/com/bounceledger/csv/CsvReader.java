package com.bounceledger.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
public final class CsvReader {

    private final Reader in;
    private int pending = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("unterminated quoted field");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
                fields.add(field.toString());
                return fields;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pending = c;
    }
}
