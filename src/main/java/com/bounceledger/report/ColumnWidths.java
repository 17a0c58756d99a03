package com.bounceledger.report;

import java.util.Arrays;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Column widths from the lengths of what was written: SXSSF cannot autosize rows it has already flushed, and
 * measuring fonts is slow. Capped, so one long reply does not make a column screens wide.
 */
final class ColumnWidths {

    /** Room for the auto-filter's drop-down button and a margin. */
    private static final int PADDING = 3;
    private static final int MAX_CHARS = 80;

    private int[] chars = new int[8];

    void fit(int column, int length) {
        if (column >= chars.length) {
            chars = Arrays.copyOf(chars, Math.max(column + 1, chars.length * 2));
        }
        chars[column] = Math.max(chars[column], length);
    }

    void apply(Sheet sheet) {
        for (int c = 0; c < chars.length; c++) {
            if (chars[c] > 0) {
                sheet.setColumnWidth(c, Math.min(MAX_CHARS, chars[c] + PADDING) * 256);
            }
        }
    }
}
