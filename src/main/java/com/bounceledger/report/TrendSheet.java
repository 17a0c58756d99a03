package com.bounceledger.report;

import java.util.List;

import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** Trend (SPEC 6.1.6): the last run dates from history, with a chart of the volumes and one of the rates. */
final class TrendSheet {

    private static final List<Column<TrendDay>> COLUMNS = List.of(
            Column.date("column.runDate", TrendDay::runDate),
            Column.count("column.sent", TrendDay::sent),
            Column.count("column.delivered", TrendDay::delivered),
            Column.rate("column.bounceRate", TrendDay::bounceRate),
            Column.rate("column.complaintRate", TrendDay::complaintRate));

    private TrendSheet() {
    }

    static void write(SXSSFSheet sheet, DayReport report, ReportSettings settings, ReportStyles styles) {
        ReportText text = settings.text();
        TableWriter<TrendDay> table = new TableWriter<>(sheet, COLUMNS, styles, text);
        report.trend().forEach(table::row);
        table.finish();
        table.flagThresholds(settings.thresholds());
        if (report.trend().isEmpty()) {
            return;
        }
        String name = sheet.getSheetName();
        List<TrendDay> days = report.trend();
        Charts.Categories dates = new Charts.Categories(name, 0, 1,
                days.stream().map(day -> day.runDate().toString()).toArray(String[]::new));
        Charts.draw(sheet, new Charts.Place(6, 1, 16, 18), text.get("chart.volume"), ChartTypes.LINE, dates, List.of(
                series(text, name, days, COLUMNS.get(1)),
                series(text, name, days, COLUMNS.get(2))), "#,##0");
        Charts.draw(sheet, new Charts.Place(6, 19, 16, 36), text.get("chart.rates"), ChartTypes.LINE, dates, List.of(
                series(text, name, days, COLUMNS.get(3)),
                series(text, name, days, COLUMNS.get(4))), "0.0%");
    }

    private static Charts.Series series(ReportText text, String sheet, List<TrendDay> days, Column<TrendDay> column) {
        Number[] values = days.stream().map(day -> (Number) column.value().apply(day)).toArray(Number[]::new);
        return new Charts.Series(text.get(column.titleKey()), sheet, COLUMNS.indexOf(column), values);
    }
}
