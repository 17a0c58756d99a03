package com.bounceledger.ingest;

import java.util.Arrays;

/** Splits one RFC 4180 record into its fields. */
public final class CsvFields {

    private CsvFields() {
    }

    /** @throws RowRejectedException for a quote that is never closed or text after a closing quote */
    public static String[] split(String record) {
        // A plain array, sized once at the end: ArrayList.toArray was a tenth of the ingest thread's time.
        String[] fields = new String[16];
        int count = 0;
        int length = record.length();
        int i = 0;
        while (true) {
            String field;
            if (i < length && record.charAt(i) == '"') {
                StringBuilder quotedField = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new RowRejectedException("unterminated quoted field");
                    }
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < length && record.charAt(i) == '"') {
                            quotedField.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        quotedField.append(c);
                    }
                }
                field = quotedField.toString();
                if (i < length && record.charAt(i) != ',') {
                    throw new RowRejectedException("text after a closing quote");
                }
            } else {
                int comma = record.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                field = record.substring(i, end);
                i = end;
            }
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, count * 2);
            }
            fields[count++] = field;
            if (i >= length) {
                return Arrays.copyOf(fields, count);
            }
            i++; // the comma; after a final one, the next pass reads an empty last field
        }
    }
}
