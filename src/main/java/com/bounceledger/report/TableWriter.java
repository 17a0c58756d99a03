package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A table sheet written row by row, so a streamed sheet never holds its rows: a bold frozen header, an
 * auto-filter over the data rows, an optional bold totals row below them, widths from the content.
 */
final class TableWriter<T> {

    private final Sheet sheet;
    private final List<Column<T>> columns;
    private final ReportStyles styles;
    private final ColumnWidths widths = new ColumnWidths();
    private int next;
    private int lastDataRow;

    TableWriter(Sheet sheet, List<Column<T>> columns, ReportStyles styles, ReportText text) {
        this.sheet = sheet;
        this.columns = columns;
        this.styles = styles;
        Row header = sheet.createRow(next++);
        for (int c = 0; c < columns.size(); c++) {
            widths.fit(c, styles.text(header, c, text.get(columns.get(c).titleKey()), styles.header));
        }
    }

    void row(T item) {
        lastDataRow = next;
        write(item, false);
    }

    /** A row after the data, outside the filter, so sorting the data leaves it at the bottom. */
    void totals(T item) {
        write(item, true);
    }

    private void write(T item, boolean totals) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            widths.fit(c, styles.put(row, c, column.value().apply(item), column.kind(), totals));
        }
    }

    /** Freezes the header, filters the data rows and sizes the columns. */
    void finish() {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, lastDataRow), 0, columns.size() - 1));
        widths.apply(sheet);
    }

    /** The index of the next row, that is the last written plus one. */
    int nextRow() {
        return next;
    }

    /** The index of a column by its title's key. */
    int column(String titleKey) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).titleKey().equals(titleKey)) {
                return c;
            }
        }
        throw new IllegalArgumentException(titleKey);
    }
}
