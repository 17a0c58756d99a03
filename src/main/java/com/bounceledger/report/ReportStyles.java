package com.bounceledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The workbook's cell styles, made once (a workbook holds a limited number, and one per cell is slow), and the
 * one place cells are written: user data always as a string cell, never as a formula.
 */
final class ReportStyles {

    /** Excel's own "Neutral" and "Bad" colours, which readers recognise. */
    static final byte[] WARNING_FILL = {(byte) 0xFF, (byte) 0xEB, (byte) 0x9C};
    static final byte[] WARNING_FONT = {(byte) 0x9C, (byte) 0x57, (byte) 0x00};
    static final byte[] CRITICAL_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    static final byte[] CRITICAL_FONT = {(byte) 0x9C, (byte) 0x00, (byte) 0x06};

    final CellStyle header;
    final CellStyle warning;
    final CellStyle critical;
    private final CellStyle[] plain = new CellStyle[CellKind.values().length];
    private final CellStyle[] total = new CellStyle[CellKind.values().length];

    ReportStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        for (CellKind kind : CellKind.values()) {
            plain[kind.ordinal()] = style(workbook, kind, null);
            total[kind.ordinal()] = style(workbook, kind, bold);
        }
        warning = flag(workbook, WARNING_FILL, WARNING_FONT);
        critical = flag(workbook, CRITICAL_FILL, CRITICAL_FONT);
    }

    private static CellStyle style(Workbook workbook, CellKind kind, Font font) {
        CellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        String format = switch (kind) {
            case TEXT -> null;
            case COUNT -> "#,##0";
            case RATE -> "0.00%";
            case DATE -> "yyyy-mm-dd";
            case TIME -> "yyyy-mm-dd hh:mm:ss";
        };
        if (format != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        return style;
    }

    private static CellStyle flag(Workbook workbook, byte[] fill, byte[] fontColour) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFillForegroundColor(new XSSFColor(fill, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setBold(true);
        font.setColor(new XSSFColor(fontColour, null));
        style.setFont(font);
        return style;
    }

    CellStyle flagStyle(Thresholds.Flag flag) {
        return switch (flag) {
            case OK -> header;
            case WARNING -> warning;
            case CRITICAL -> critical;
        };
    }

    /**
     * Writes a value; null leaves the cell empty (a rate over zero is blank, not an error).
     *
     * @return how many characters the value shows, for the column's width
     */
    int put(Row row, int column, Object value, CellKind kind, boolean totals) {
        if (value == null) {
            return 0;
        }
        Cell cell = row.createCell(column);
        cell.setCellStyle((totals ? total : plain)[kind.ordinal()]);
        switch (kind) {
            case TEXT -> {
                String text = value.toString();
                cell.setCellValue(text);
                return text.length();
            }
            case COUNT -> {
                long count = ((Number) value).longValue();
                cell.setCellValue(count);
                return String.format("%,d", count).length();
            }
            case RATE -> {
                cell.setCellValue(((Number) value).doubleValue());
                return "100.00%".length();
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                return "yyyy-mm-dd".length();
            }
            case TIME -> {
                cell.setCellValue(((Instant) value).atOffset(ZoneOffset.UTC).toLocalDateTime());
                return "yyyy-mm-dd hh:mm:ss".length();
            }
        }
        throw new IllegalStateException(kind.name());
    }

    int text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return value.length();
    }
}
