package com.bounceledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.bounceledger.ledger.AddressChange;

/** The workbook written from a report built in code, read back with POI. */
class PerformanceWorkbookTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:03Z");
    private static final String LONG_REPLY = "550 5.1.1 " + "x".repeat(300);

    // 30 bounces of 1,000 sent is 3% (above the 2% warning), 1 complaint of 900 delivered 0.11% (above 0.1%).
    private static final CampaignMetrics BUSY = new CampaignMetrics("=cmd|' /C calc'!A0", "+SUM(1,2)", 1000, 900,
            10, 10, 10, 70, 5, 300, 60, 2, 1);
    // Nothing sent, delivered or opened: every rate is an empty cell.
    private static final CampaignMetrics IDLE = new CampaignMetrics("-2+3", "@HYPERLINK(\"http://x\")", 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0);

    private static final List<AddressChange> CHANGES = List.of(
            new AddressChange("acme", "=1+1@example.com", "invalidated", "userunknown", "hard_bounce", "@SUM(A1:A9)", AT),
            new AddressChange("acme", "+31@example.com", "suspension_expired", "blocked", "block", null, AT),
            new AddressChange("acme", "-x@example.com", "quarantined", null, "=cause", LONG_REPLY, AT));

    static DayReport report() {
        return new DayReport(LocalDate.parse("2026-11-21"), AT,
                List.of(new DayReport.InputFileRow("=file.csv", "CANONICAL", 100, 12, 1)),
                List.of(BUSY, IDLE),
                List.of(new ReasonMetrics("userunknown", "hard", 30, "=HYPERLINK(\"http://evil\",\"click\")")),
                Map.of("invalidated", 1L),
                List.of(new DomainMetrics("=evil.example", 1000, 900, 10, 10, 10), new DomainMetrics(null, 0, 0, 0, 0, 0)),
                List.of(new TrendDay(LocalDate.parse("2026-11-21"), 1000, 900, 30, 1)));
    }

    static XSSFWorkbook write(DayReport report, List<AddressChange> changes, ReportSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PerformanceWorkbook.write(report, sink -> changes.forEach(sink), settings, out);
            return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void userDataThatLooksLikeAFormulaIsWrittenAsText() throws IOException {
        try (XSSFWorkbook workbook = write(report(), CHANGES, ReportSettings.defaults())) {
            List<String> texts = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isIn(CellType.STRING, CellType.NUMERIC);
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(texts).contains("=file.csv", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3",
                    "@HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://evil\",\"click\")", "=evil.example",
                    "=1+1@example.com", "@SUM(A1:A9)", "+31@example.com", "-x@example.com", "=cause");
        }
    }

    @Test
    void tablesHaveFrozenBoldHeadersFiltersFormatsAndEmptyRatesForZeroDenominators() throws IOException {
        try (XSSFWorkbook workbook = write(report(), CHANGES, ReportSettings.defaults())) {
            XSSFSheet performance = workbook.getSheet("Email Performance");
            assertThat(performance.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(workbook.getFontAt(performance.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                    .isTrue();
            // the filter covers the header and the two campaigns; the totals row below stays put when sorting
            assertThat(performance.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:W3");
            Row busy = performance.getRow(1);
            assertThat(busy.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(busy.getCell(2).getNumericCellValue()).isEqualTo(1000);
            assertThat(busy.getCell(17).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(busy.getCell(17).getNumericCellValue()).isEqualTo(0.03); // Bounce % = 30 / 1000
            assertThat(busy.getCell(22).getNumericCellValue()).isEqualTo(1.0 / 900); // Complaint % over delivered
            Row idle = performance.getRow(2);
            for (int c = 13; c <= 22; c++) {
                assertThat(idle.getCell(c)).as("rate column " + c).isNull();
            }
            Row totals = performance.getRow(3);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(workbook.getFontAt(totals.getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();

            XSSFSheet trend = workbook.getSheet("Trend");
            assertThat(trend.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(trend.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.parse("2026-11-21"));
        }
    }

    @Test
    void columnWidthsComeFromTheLongestTextWrittenCapped() throws IOException {
        try (XSSFWorkbook workbook = write(report(), CHANGES, ReportSettings.defaults())) {
            XSSFSheet changes = workbook.getSheet("Address Changes");
            // "=1+1@example.com" is 16 characters, plus 3 for the filter button and a margin
            assertThat(changes.getColumnWidth(1)).isEqualTo((16 + 3) * 256);
            // a 310-character reply is capped at 80
            assertThat(changes.getColumnWidth(6)).isEqualTo(80 * 256);
            // "Time (UTC)" is shorter than the 19 characters of "yyyy-mm-dd hh:mm:ss"
            assertThat(changes.getColumnWidth(5)).isEqualTo((19 + 3) * 256);
        }
    }

    @Test
    void changesShowTheirLabelAndAnUnknownCodeAsItIs() throws IOException {
        try (XSSFWorkbook workbook = write(report(), CHANGES, ReportSettings.defaults())) {
            XSSFSheet changes = workbook.getSheet("Address Changes");
            assertThat(changes.getRow(1).getCell(2).getStringCellValue()).isEqualTo("invalidated");
            assertThat(changes.getRow(2).getCell(2).getStringCellValue()).isEqualTo("suspension expired");
            assertThat(changes.getRow(3).getCell(2).getStringCellValue()).isEqualTo("quarantined");
            assertThat(changes.getRow(1).getCell(5).getLocalDateTimeCellValue().toString())
                    .isEqualTo("2026-11-21T08:00:03");
        }
    }

    @Test
    void changesBeyondASheetContinueOnNumberedSheetsEachWithItsHeaderAndFilter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PerformanceWorkbook.write(report(), sink -> CHANGES.forEach(sink), 2, ReportSettings.defaults(), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Summary", "Email Performance", "Bounce Reasons", "Domains",
                    "Address Changes", "Address Changes (2)", "Trend");
            XSSFSheet first = workbook.getSheet("Address Changes");
            XSSFSheet second = workbook.getSheet("Address Changes (2)");
            assertThat(first.getLastRowNum()).isEqualTo(2);
            assertThat(first.getRow(2).getCell(1).getStringCellValue()).isEqualTo("+31@example.com");
            assertThat(second.getLastRowNum()).isEqualTo(1);
            assertThat(second.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Address");
            assertThat(second.getRow(1).getCell(1).getStringCellValue()).isEqualTo("-x@example.com");
            assertThat(first.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G3");
            assertThat(second.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G2");
            assertThat(second.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void ratesAboveTheThresholdsAreFlaggedWithConditionalFormatting() throws IOException {
        Thresholds strict = new Thresholds(0.01, 0.025, 0.0005, 0.001);
        ReportSettings settings = new ReportSettings(ReportText.of("en"), strict, 20, 30);
        try (XSSFWorkbook workbook = write(report(), CHANGES, settings)) {
            XSSFSheet performance = workbook.getSheet("Email Performance");
            var formatting = performance.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(2);
            // Bounce % is column R, Complaint % column W; rows 2 to 4 (both campaigns and the totals)
            assertThat(describe(formatting.getConditionalFormattingAt(0))).isEqualTo("R2:R4 >0.025 >0.01");
            assertThat(describe(formatting.getConditionalFormattingAt(1))).isEqualTo("W2:W4 >0.001 >5.0E-4");

            // 3% bounce is above 2.5% and 0.11% complaints above 0.1%: both critical with these thresholds
            Sheet summary = workbook.getSheet("Summary");
            Row bounce = findRow(summary, "Bounce %", 1);
            assertThat(bounce.getCell(1).getStringCellValue()).isEqualTo("critical");
            assertThat(((XSSFCellStyle) bounce.getCell(1).getCellStyle()).getFillForegroundColorColor().getARGBHex())
                    .isEqualTo("FFFFC7CE");
            assertThat(bounce.getCell(2).getStringCellValue()).isEqualTo("warning above 1.00%, critical above 2.50%");
        }
        try (XSSFWorkbook workbook = write(report(), CHANGES, ReportSettings.defaults())) {
            // with the defaults (2%/5%, 0.1%/0.3%) both are warnings
            Row complaint = findRow(workbook.getSheet("Summary"), "Complaint %", 1);
            assertThat(complaint.getCell(1).getStringCellValue()).isEqualTo("warning");
            assertThat(((XSSFCellStyle) complaint.getCell(1).getCellStyle()).getFillForegroundColorColor()
                    .getARGBHex()).isEqualTo("FFFFEB9C");
        }
    }

    @Test
    void theSheetsAreInTheConfiguredLanguage() throws IOException {
        ReportSettings french = new ReportSettings(ReportText.of("fr"), ReportSettings.defaults().thresholds(), 20, 30);
        try (XSSFWorkbook workbook = write(report(), CHANGES, french)) {
            assertThat(workbook).extracting(Sheet::getSheetName).containsExactly("Synthèse", "Performances e-mail",
                    "Motifs de rebond", "Domaines", "Changements d'adresse", "Tendance");
            Sheet changes = workbook.getSheet("Changements d'adresse");
            assertThat(changes.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Changement");
            assertThat(changes.getRow(2).getCell(2).getStringCellValue()).isEqualTo("suspension expirée");
            assertThat(workbook.getSheet("Domaines").getRow(2).getCell(0).getStringCellValue()).isEqualTo("autres");
            // the Summary chart refers to the translated Bounce Reasons sheet
            assertThat(workbook.getSheet("Synthèse").getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0)
                    .getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("'Motifs de rebond'!$C$2");
        }
    }

    private static String describe(ConditionalFormatting formatting) {
        StringBuilder text = new StringBuilder(formatting.getFormattingRanges()[0].formatAsString());
        for (int i = 0; i < formatting.getNumberOfRules(); i++) {
            text.append(" >").append(formatting.getRule(i).getFormula1());
        }
        return text.toString();
    }

    /** The row whose first cell is the label; the summary has two such rows of rates, the later are the flags. */
    private static Row findRow(Sheet sheet, String label, int skip) {
        int seen = 0;
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getStringCellValue().equals(label) && seen++ == skip) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }
}
