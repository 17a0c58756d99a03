package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

/** Bounce Reasons (SPEC 6.1.3): reason, group, messages, share of the day's bounces, an example reply. */
final class ReasonsSheet {

    static final int REASON_COLUMN = 0;
    static final int MESSAGES_COLUMN = 2;

    private ReasonsSheet() {
    }

    static void write(Sheet sheet, DayReport report, ReportSettings settings, ReportStyles styles) {
        long total = report.reasons().stream().mapToLong(ReasonMetrics::messages).sum();
        List<Column<ReasonMetrics>> columns = List.of(
                Column.text("column.reason", ReasonMetrics::reason),
                Column.text("column.group", ReasonMetrics::group),
                Column.count("column.messages", ReasonMetrics::messages),
                Column.rate("column.share", reason -> CampaignMetrics.rate(reason.messages(), total)),
                Column.text("column.example", ReasonMetrics::example));
        TableWriter<ReasonMetrics> table = new TableWriter<>(sheet, columns, styles, settings.text());
        report.reasons().forEach(table::row);
        table.totals(new ReasonMetrics(settings.text().get("total"), "", total, null));
        table.finish();
    }
}
