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

    /** Freezes the header, filters the data rows, sizes the columns and prints the header on every page. */
    void finish() {
        sheet.createFreezePane(0, 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        PrintLayout.landscapeOnePageWide(sheet);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, lastDataRow), 0, columns.size() - 1));
        widths.apply(sheet);
    }

    /** The index of a column by its title's key, or -1 when the table has no such column. */
    int column(String titleKey) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).titleKey().equals(titleKey)) {
                return c;
            }
        }
        return -1;
    }

    /** Flags the table's Bounce % and Complaint % columns, where it has them, totals row included. */
    void flagThresholds(Thresholds thresholds) {
        ThresholdFormatting.apply(sheet, column("column.bounceRate"), 1, next - 1, thresholds.bounceWarning(),
                thresholds.bounceCritical());
        ThresholdFormatting.apply(sheet, column("column.complaintRate"), 1, next - 1, thresholds.complaintWarning(),
                thresholds.complaintCritical());
    }
}
