package com.bounceledger.report;

import java.util.List;
import java.util.function.IntFunction;

import org.apache.poi.ss.usermodel.Sheet;

import com.bounceledger.ledger.AddressChange;

/**
 * Address Changes (SPEC 6.1.5): every ledger change of the day with the reply that caused it, streamed from
 * the database row by row, so a day of a million changes needs no more memory than a day of ten. A sheet holds
 * at most {@code rowsPerSheet} changes below its header; the rest continue on the next sheet (Excel stops at
 * 1,048,576 rows, and the fourth 10M-message night of the benchmark already had 836,001 changes).
 */
final class ChangesSheet {

    private ChangesSheet() {
    }

    /** @param sheets creates the n-th sheet of changes, counting from 1 */
    static void write(IntFunction<Sheet> sheets, ChangeSource changes, int rowsPerSheet, ReportSettings settings,
                      ReportStyles styles) {
        ReportText text = settings.text();
        List<Column<AddressChange>> columns = List.of(
                Column.text("column.account", AddressChange::account),
                Column.text("column.address", AddressChange::address),
                Column.text("column.change", change -> text.change(change.change())),
                Column.text("column.reason", AddressChange::reason),
                Column.text("column.cause", AddressChange::cause),
                Column.time("column.time", AddressChange::at),
                Column.text("column.reply", AddressChange::diagnostic));
        Tables tables = new Tables(n -> new TableWriter<>(sheets.apply(n), columns, styles, text), rowsPerSheet);
        changes.forEach(tables::row);
        tables.current.finish();
    }

    /** The table being filled, and a new one on the next sheet once it is full. */
    private static final class Tables {

        private final IntFunction<TableWriter<AddressChange>> onSheet;
        private final int rowsPerSheet;
        private TableWriter<AddressChange> current;
        private int sheetNumber = 1;
        private int rows;

        /** @param onSheet a table on the n-th sheet of changes */
        Tables(IntFunction<TableWriter<AddressChange>> onSheet, int rowsPerSheet) {
            this.onSheet = onSheet;
            this.rowsPerSheet = rowsPerSheet;
            this.current = onSheet.apply(sheetNumber);
        }

        void row(AddressChange change) {
            if (rows == rowsPerSheet) {
                current.finish();
                current = onSheet.apply(++sheetNumber);
                rows = 0;
            }
            current.row(change);
            rows++;
        }
    }
}
