package com.bounceledger.report;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFontFormatting;
import org.apache.poi.xssf.usermodel.XSSFPatternFormatting;

/**
 * Colours a rate column by its thresholds with conditional formatting, so the flags stay right when a reader
 * edits or sorts the sheet. The critical rule comes first: the first rule that matches wins.
 */
final class ThresholdFormatting {

    private ThresholdFormatting() {
    }

    static void apply(Sheet sheet, int column, int firstRow, int lastRow, double warning, double critical) {
        if (column < 0 || lastRow < firstRow) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule criticalRule = rule(formatting, critical,
                ReportStyles.CRITICAL_FILL, ReportStyles.CRITICAL_FONT);
        ConditionalFormattingRule warningRule = rule(formatting, warning,
                ReportStyles.WARNING_FILL, ReportStyles.WARNING_FONT);
        formatting.addConditionalFormatting(
                new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, column, column)},
                criticalRule, warningRule);
    }

    /** Rates are fractions (0.05 is 5%); a blank rate compares as zero, so it is never flagged. */
    private static ConditionalFormattingRule rule(SheetConditionalFormatting formatting, double above,
                                                  byte[] fill, byte[] fontColour) {
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.GT,
                Double.toString(above));
        PatternFormatting pattern = rule.createPatternFormatting();
        ((XSSFPatternFormatting) pattern).setFillBackgroundColor(new XSSFColor(fill, null));
        pattern.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting font = rule.createFontFormatting();
        ((XSSFFontFormatting) font).setFontColor(new XSSFColor(fontColour, null));
        return rule;
    }
}
