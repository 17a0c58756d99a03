package com.bounceledger.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** Printed and exported to PDF, a sheet is as wide as one landscape page, as long as its rows need. */
final class PrintLayout {

    private PrintLayout() {
    }

    static void landscapeOnePageWide(Sheet sheet) {
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }
}
