package com.bounceledger.report;

import java.text.MessageFormat;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Summary (SPEC 6.1.1): the run, its input files, the day's totals and rates, the threshold flags, the ledger
 * changes by kind, and a chart of the bounces by reason (the Bounce Reasons sheet's rows).
 */
final class SummarySheet {

    private final SXSSFSheet sheet;
    private final ReportText text;
    private final ReportStyles styles;
    private final ColumnWidths widths = new ColumnWidths();
    private int next;

    private SummarySheet(SXSSFSheet sheet, ReportText text, ReportStyles styles) {
        this.sheet = sheet;
        this.text = text;
        this.styles = styles;
    }

    static void write(SXSSFSheet sheet, DayReport report, ReportSettings settings, ReportStyles styles,
                      String reasonsSheet) {
        SummarySheet summary = new SummarySheet(sheet, settings.text(), styles);
        summary.run(report);
        summary.inputFiles(report);
        summary.totals(report.totals());
        summary.flags(report.totals(), settings.thresholds());
        summary.ledgerChanges(report.ledgerChanges());
        summary.widths.apply(sheet);
        PrintLayout.landscapeOnePageWide(sheet);
        summary.reasonsChart(report.reasons(), reasonsSheet);
    }

    private void run(DayReport report) {
        Row title = sheet.createRow(next++);
        widths.fit(0, styles.text(title, 0, text.get("summary.title"), styles.header));
        sheet.createFreezePane(0, 1);
        pair(text.get("summary.runDate"), report.runDate(), CellKind.DATE);
        pair(text.get("summary.generated"), report.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                CellKind.TEXT);
    }

    private void inputFiles(DayReport report) {
        section(text.get("summary.inputFiles"));
        Row header = sheet.createRow(next++);
        String[] titles = {"column.file", "column.format", "column.rowsRead", "column.rowsRejected"};
        for (int c = 0; c < titles.length; c++) {
            widths.fit(c, styles.text(header, c, text.get(titles[c]), styles.header));
        }
        for (DayReport.InputFileRow file : report.inputFiles()) {
            fileRow(file.name(), file.format(), file.rows(), file.rejected(), false);
        }
        fileRow(text.get("total"), "", report.rowsRead(), report.rowsRejected(), true);
    }

    private void fileRow(String name, String format, long rows, long rejected, boolean totals) {
        Row row = sheet.createRow(next++);
        widths.fit(0, styles.put(row, 0, name, CellKind.TEXT, totals));
        widths.fit(1, styles.put(row, 1, format, CellKind.TEXT, totals));
        widths.fit(2, styles.put(row, 2, rows, CellKind.COUNT, totals));
        widths.fit(3, styles.put(row, 3, rejected, CellKind.COUNT, totals));
    }

    /** The totals row of Email Performance, one metric a line. */
    private void totals(CampaignMetrics totals) {
        section(text.get("summary.totals"));
        for (Column<CampaignMetrics> column : PerformanceSheet.COLUMNS) {
            if (column.kind() != CellKind.TEXT) {
                pair(text.get(column.titleKey()), column.value().apply(totals), column.kind());
            }
        }
    }

    private void flags(CampaignMetrics totals, Thresholds thresholds) {
        section(text.get("summary.thresholds"));
        flag("column.bounceRate", thresholds.bounce(totals.bounceRate()), thresholds.bounceWarning(),
                thresholds.bounceCritical());
        flag("column.complaintRate", thresholds.complaint(totals.complaintRate()), thresholds.complaintWarning(),
                thresholds.complaintCritical());
    }

    private void flag(String titleKey, Thresholds.Flag flag, double warning, double critical) {
        Row row = sheet.createRow(next++);
        widths.fit(0, styles.text(row, 0, text.get(titleKey), styles.header));
        if (flag != null) {
            CellStyle style = styles.flagStyle(flag);
            widths.fit(1, styles.text(row, 1, text.get("flag." + flag.name().toLowerCase(Locale.ROOT)), style));
        }
        widths.fit(2, styles.put(row, 2, MessageFormat.format(text.get("summary.levels"), percent(warning),
                percent(critical)), CellKind.TEXT, false));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    private void ledgerChanges(Map<String, Long> changes) {
        section(text.get("summary.ledgerChanges"));
        changes.forEach((change, count) -> pair(text.change(change), count, CellKind.COUNT));
    }

    private void reasonsChart(List<ReasonMetrics> reasons, String reasonsSheet) {
        if (reasons.isEmpty()) {
            return;
        }
        Charts.Categories categories = new Charts.Categories(reasonsSheet, ReasonsSheet.REASON_COLUMN, 1,
                reasons.stream().map(ReasonMetrics::reason).toArray(String[]::new));
        Number[] messages = reasons.stream().map(ReasonMetrics::messages).toArray(Number[]::new);
        Charts.draw(sheet, new Charts.Place(5, 1, 14, 22), text.get("chart.bouncesByReason"), ChartTypes.BAR,
                categories, List.of(new Charts.Series(text.get("column.messages"), reasonsSheet,
                        ReasonsSheet.MESSAGES_COLUMN, messages)), "#,##0");
    }

    private void section(String title) {
        next++;
        Row row = sheet.createRow(next++);
        widths.fit(0, styles.text(row, 0, title, styles.header));
    }

    private void pair(String label, Object value, CellKind kind) {
        Row row = sheet.createRow(next++);
        widths.fit(0, styles.text(row, 0, label, styles.header));
        widths.fit(1, styles.put(row, 1, value, kind, false));
    }
}
