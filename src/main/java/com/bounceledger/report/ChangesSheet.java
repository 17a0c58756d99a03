package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

import com.bounceledger.ledger.AddressChange;

/**
 * Address Changes (SPEC 6.1.5): every ledger change of the day with the reply that caused it, streamed from
 * the database row by row, so a day of a million changes needs no more memory than a day of ten.
 */
final class ChangesSheet {

    private ChangesSheet() {
    }

    static void write(Sheet sheet, ChangeSource changes, ReportSettings settings, ReportStyles styles) {
        ReportText text = settings.text();
        List<Column<AddressChange>> columns = List.of(
                Column.text("column.account", AddressChange::account),
                Column.text("column.address", AddressChange::address),
                Column.text("column.change", change -> text.change(change.change())),
                Column.text("column.reason", AddressChange::reason),
                Column.text("column.cause", AddressChange::cause),
                Column.time("column.time", AddressChange::at),
                Column.text("column.reply", AddressChange::diagnostic));
        TableWriter<AddressChange> table = new TableWriter<>(sheet, columns, styles, text);
        changes.forEach(table::row);
        table.finish();
    }
}
