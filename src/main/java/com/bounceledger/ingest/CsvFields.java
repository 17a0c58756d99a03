package com.bounceledger.ingest;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 record into its fields. */
public final class CsvFields {

    private CsvFields() {
    }

    /** @throws RowRejectedException for a quote that is never closed or text after a closing quote */
    public static String[] split(String record) {
        List<String> fields = new ArrayList<>(16);
        int length = record.length();
        int i = 0;
        while (true) {
            if (i < length && record.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new RowRejectedException("unterminated quoted field");
                    }
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < length && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                if (i < length && record.charAt(i) != ',') {
                    throw new RowRejectedException("text after a closing quote");
                }
            } else {
                int comma = record.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                fields.add(record.substring(i, end));
                i = end;
            }
            if (i >= length) {
                return fields.toArray(new String[0]);
            }
            i++; // the comma
            if (i == length) {
                fields.add("");
                return fields.toArray(new String[0]);
            }
        }
    }
}
