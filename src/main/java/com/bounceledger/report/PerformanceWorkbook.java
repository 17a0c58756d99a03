package com.bounceledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * {@code email-performance-<date>.xlsx} (SPEC 6.1): six sheets (more when the changes fill one), streamed with
 * SXSSF so memory does not grow with the day. User data (names, addresses, replies) is always written as a string
 * cell, never as a formula.
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
        try (SXSSFWorkbook workbook = new FastWorkbook(ROW_WINDOW)) {
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

    /**
     * The report is written on the step's critical path, so SXSSF's sheets escape their text a run at a time
     * ({@link RunEscapingSheetWriter}) and the workbook is deflated at zlib's fastest level instead of its default
     * (6): on the fourth 10M-message night the sheets were 481 MB of XML, which zlib's level 1 packed in 2.8 s to
     * 50.7 MB, and level 6 in 6.7 s to 42.0 MB.
     */
    private static final class FastWorkbook extends SXSSFWorkbook {

        FastWorkbook(int rowWindow) {
            super(rowWindow);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new RunEscapingSheetWriter();
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
