package com.bounceledger.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code email-performance-<date>.xlsx} (SPEC 6.1): six sheets (more when the changes fill one), streamed with
 * SXSSF so memory does not grow with the day. User data (names, addresses, replies) is always written as a string cell, never as a formula.
 */
public final class PerformanceWorkbook {

    /** Rows of a sheet kept in memory; the older ones are flushed to a temporary file. */
    private static final int ROW_WINDOW = 200;

    private PerformanceWorkbook() {
    }

    public static void write(DayReport report, ChangeSource changes, ReportSettings settings, OutputStream out)
            throws IOException {
        write(report, changes, SpreadsheetVersion.EXCEL2007.getMaxRows() - 1, settings, out);
    }

    /** @param changesPerSheet the changes a sheet holds below its header before they continue on the next */
    static void write(DayReport report, ChangeSource changes, int changesPerSheet, ReportSettings settings,
                      OutputStream out) throws IOException {
        ReportText text = settings.text();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            ReportStyles styles = new ReportStyles(workbook);
            String reasons = text.get("sheet.reasons");
            SummarySheet.write(workbook.createSheet(text.get("sheet.summary")), report, settings, styles, reasons);
            PerformanceSheet.write(workbook.createSheet(text.get("sheet.performance")), report, settings, styles);
            ReasonsSheet.write(workbook.createSheet(reasons), report, settings, styles);
            DomainsSheet.write(workbook.createSheet(text.get("sheet.domains")), report, settings, styles);
            String changesTitle = text.get("sheet.changes");
            ChangesSheet.write(n -> workbook.createSheet(n == 1 ? changesTitle : changesTitle + " (" + n + ")"),
                    changes, changesPerSheet, settings, styles);
            TrendSheet.write(workbook.createSheet(text.get("sheet.trend")), report, settings, styles);
            workbook.write(out);
        }
    }
}
