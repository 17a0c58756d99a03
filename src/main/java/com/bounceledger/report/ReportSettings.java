package com.bounceledger.report;

/**
 * How the email-performance workbook is written.
 *
 * @param topDomains how many recipient domains the Domains sheet lists before "other"
 * @param trendDays  how many run dates, up to the run date, the Trend sheet shows
 */
public record ReportSettings(ReportText text, Thresholds thresholds, int topDomains, int trendDays) {

    public static ReportSettings defaults() {
        return new ReportSettings(ReportText.of("en"), new Thresholds(0.02, 0.05, 0.001, 0.003), 20, 30);
    }
}
