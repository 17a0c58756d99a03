package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

/** Email Performance (SPEC 6.1.2): one row per account and campaign with every metric and rate of SPEC 5. */
final class PerformanceSheet {

    static final List<Column<CampaignMetrics>> COLUMNS = List.of(
            Column.text("column.account", CampaignMetrics::account),
            Column.text("column.campaign", CampaignMetrics::campaign),
            Column.count("column.sent", CampaignMetrics::sent),
            Column.count("column.delivered", CampaignMetrics::delivered),
            Column.count("column.hard", CampaignMetrics::hard),
            Column.count("column.soft", CampaignMetrics::soft),
            Column.count("column.blocked", CampaignMetrics::blocked),
            Column.count("column.pending", CampaignMetrics::pending),
            Column.count("column.deferred", CampaignMetrics::deferred),
            Column.count("column.opened", CampaignMetrics::opened),
            Column.count("column.clicked", CampaignMetrics::clicked),
            Column.count("column.unsubscribed", CampaignMetrics::unsubscribed),
            Column.count("column.complained", CampaignMetrics::complained),
            Column.rate("column.deliveredRate", CampaignMetrics::deliveredRate),
            Column.rate("column.hardRate", CampaignMetrics::hardRate),
            Column.rate("column.softRate", CampaignMetrics::softRate),
            Column.rate("column.blockedRate", CampaignMetrics::blockedRate),
            Column.rate("column.bounceRate", CampaignMetrics::bounceRate),
            Column.rate("column.openRate", CampaignMetrics::openRate),
            Column.rate("column.clickRate", CampaignMetrics::clickRate),
            Column.rate("column.clickToOpenRate", CampaignMetrics::clickToOpenRate),
            Column.rate("column.unsubscribeRate", CampaignMetrics::unsubscribeRate),
            Column.rate("column.complaintRate", CampaignMetrics::complaintRate));

    private PerformanceSheet() {
    }

    static void write(Sheet sheet, DayReport report, ReportSettings settings, ReportStyles styles) {
        TableWriter<CampaignMetrics> table = new TableWriter<>(sheet, COLUMNS, styles, settings.text());
        report.campaigns().forEach(table::row);
        // sums of the counts, with the rates recomputed from the sums (not sums of rates)
        table.totals(CampaignMetrics.total(settings.text().get("total"), report.campaigns()));
        table.finish();
        table.flagThresholds(settings.thresholds());
    }
}
