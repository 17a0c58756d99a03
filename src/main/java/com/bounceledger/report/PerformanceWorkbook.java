package com.bounceledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code email-performance-<date>.xlsx}: streamed with SXSSF so memory does not grow with the day. User data
 * (names, addresses, replies) is always written as a string cell, never as a formula.
 */
public final class PerformanceWorkbook {

    private static final int ROW_WINDOW = 200;

    private PerformanceWorkbook() {
    }

    public static void write(DayReport report, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            Styles styles = new Styles(workbook);
            summary(workbook.createSheet("Summary"), report, styles);
            performance(workbook.createSheet("Email Performance"), report, styles);
            reasons(workbook.createSheet("Bounce Reasons"), report, styles);
            workbook.write(out);
        }
    }

    private static void summary(Sheet sheet, DayReport report, Styles styles) {
        int r = 0;
        r = pair(sheet, r, "Run date", report.runDate().toString(), styles);
        r = pair(sheet, r, "Generated", report.generatedAt().toString(), styles);
        r = pair(sheet, r, "Input files", report.inputFiles().size(), styles);
        r = pair(sheet, r, "Rows read", report.rowsRead(), styles);
        r = pair(sheet, r, "Rows rejected", report.rowsRejected(), styles);
        CampaignMetrics total = report.totals();
        r = pair(sheet, r, "Sent", total.sent(), styles);
        r = pair(sheet, r, "Delivered", total.delivered(), styles);
        r = pair(sheet, r, "Hard bounces", total.hard(), styles);
        r = pair(sheet, r, "Soft bounces", total.soft(), styles);
        r = pair(sheet, r, "Blocked", total.blocked(), styles);
        r = pair(sheet, r, "Pending", total.pending(), styles);
        r = pair(sheet, r, "Bounce %", total.bounceRate(), styles);
        r = pair(sheet, r, "Complaint %", total.complaintRate(), styles);
        for (Map.Entry<String, Long> change : report.ledgerChanges().entrySet()) {
            r = pair(sheet, r, "Ledger: " + change.getKey(), change.getValue(), styles);
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 26 * 256);
    }

    private static int pair(Sheet sheet, int r, String label, Object value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, label, styles.bold);
        styles.put(row, 1, value);
        return r + 1;
    }

    private static final List<Column<CampaignMetrics>> PERFORMANCE = List.of(
            Column.text("Account", 20, CampaignMetrics::account),
            Column.text("Campaign", 30, CampaignMetrics::campaign),
            Column.count("Sent", CampaignMetrics::sent),
            Column.count("Delivered", CampaignMetrics::delivered),
            Column.count("Hard", CampaignMetrics::hard),
            Column.count("Soft", CampaignMetrics::soft),
            Column.count("Blocked", CampaignMetrics::blocked),
            Column.count("Pending", CampaignMetrics::pending),
            Column.count("Deferred", CampaignMetrics::deferred),
            Column.count("Opened", CampaignMetrics::opened),
            Column.count("Clicked", CampaignMetrics::clicked),
            Column.count("Unsubscribed", CampaignMetrics::unsubscribed),
            Column.count("Complained", CampaignMetrics::complained),
            Column.rate("Delivered %", CampaignMetrics::deliveredRate),
            Column.rate("Hard %", CampaignMetrics::hardRate),
            Column.rate("Soft %", CampaignMetrics::softRate),
            Column.rate("Blocked %", CampaignMetrics::blockedRate),
            Column.rate("Bounce %", CampaignMetrics::bounceRate),
            Column.rate("Open %", CampaignMetrics::openRate),
            Column.rate("Click %", CampaignMetrics::clickRate),
            Column.rate("Click-to-open %", CampaignMetrics::clickToOpenRate),
            Column.rate("Unsubscribe %", CampaignMetrics::unsubscribeRate),
            Column.rate("Complaint %", CampaignMetrics::complaintRate));

    private static void performance(Sheet sheet, DayReport report, Styles styles) {
        table(sheet, PERFORMANCE, report.campaigns(), report.totals(), styles);
    }

    private static void reasons(Sheet sheet, DayReport report, Styles styles) {
        long total = report.reasons().stream().mapToLong(ReasonMetrics::messages).sum();
        List<Column<ReasonMetrics>> columns = List.of(
                Column.text("Reason", 18, ReasonMetrics::reason),
                Column.text("Group", 10, ReasonMetrics::group),
                Column.count("Messages", ReasonMetrics::messages),
                Column.rate("Share", reason -> CampaignMetrics.rate(reason.messages(), total)),
                Column.text("Example reply", 90, ReasonMetrics::example));
        table(sheet, columns, report.reasons(), new ReasonMetrics("Total", "", total, null), styles);
    }

    private static <T> void table(Sheet sheet, List<Column<T>> columns, List<T> rows, T totals, Styles styles) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, columns.get(c).title(), styles.header);
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        int r = 1;
        for (T item : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                styles.put(row, c, columns.get(c).value().apply(item), columns.get(c).kind());
            }
        }
        Row total = sheet.createRow(r);
        for (int c = 0; c < columns.size(); c++) {
            Object value = columns.get(c).value().apply(totals);
            styles.put(total, c, value, columns.get(c).kind());
            if (total.getCell(c) != null) {
                total.getCell(c).setCellStyle(styles.totalOf(columns.get(c).kind()));
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    enum Kind { TEXT, COUNT, RATE }

    record Column<T>(String title, int width, Kind kind, Function<T, Object> value) {
        static <T> Column<T> text(String title, int width, Function<T, String> value) {
            return new Column<>(title, width, Kind.TEXT, value::apply);
        }

        static <T> Column<T> count(String title, Function<T, Long> value) {
            return new Column<>(title, Math.max(10, title.length() + 2), Kind.COUNT, value::apply);
        }

        static <T> Column<T> rate(String title, Function<T, Double> value) {
            return new Column<>(title, Math.max(10, title.length() + 2), Kind.RATE, value::apply);
        }
    }

    /** Styles made once per workbook: POI allows a limited number, and one per cell is slow. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle bold;
        final CellStyle text;
        final CellStyle count;
        final CellStyle rate;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalRate;

        Styles(SXSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            short integer = workbook.createDataFormat().getFormat("#,##0");
            short percent = workbook.createDataFormat().getFormat("0.00%");
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            bold = header;
            text = workbook.createCellStyle();
            count = workbook.createCellStyle();
            count.setDataFormat(integer);
            rate = workbook.createCellStyle();
            rate.setDataFormat(percent);
            totalText = workbook.createCellStyle();
            totalText.setFont(boldFont);
            totalCount = workbook.createCellStyle();
            totalCount.setFont(boldFont);
            totalCount.setDataFormat(integer);
            totalRate = workbook.createCellStyle();
            totalRate.setFont(boldFont);
            totalRate.setDataFormat(percent);
        }

        CellStyle totalOf(Kind kind) {
            return switch (kind) {
                case TEXT -> totalText;
                case COUNT -> totalCount;
                case RATE -> totalRate;
            };
        }

        void put(Row row, int column, Object value) {
            put(row, column, value, value instanceof Double ? Kind.RATE : value instanceof Number ? Kind.COUNT : Kind.TEXT);
        }

        /** A null value leaves the cell empty (a rate over zero is blank, not an error). */
        void put(Row row, int column, Object value, Kind kind) {
            if (value == null) {
                return;
            }
            Cell cell = row.createCell(column);
            switch (kind) {
                case TEXT -> {
                    cell.setCellValue(value.toString());
                    cell.setCellStyle(text);
                }
                case COUNT -> {
                    cell.setCellValue(((Number) value).doubleValue());
                    cell.setCellStyle(count);
                }
                case RATE -> {
                    cell.setCellValue(((Number) value).doubleValue());
                    cell.setCellStyle(rate);
                }
            }
        }
    }
}
