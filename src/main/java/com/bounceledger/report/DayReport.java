package com.bounceledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the email-performance workbook shows for one run date, except the address changes, which are streamed.
 *
 * @param domains the largest recipient domains, then "other"
 * @param trend   the last run dates up to this one, oldest first
 */
public record DayReport(LocalDate runDate, Instant generatedAt, List<InputFileRow> inputFiles,
                        List<CampaignMetrics> campaigns, List<ReasonMetrics> reasons,
                        Map<String, Long> ledgerChanges, List<DomainMetrics> domains, List<TrendDay> trend) {

    public CampaignMetrics totals() {
        return CampaignMetrics.total("Total", campaigns);
    }

    public long rowsRead() {
        return inputFiles.stream().mapToLong(InputFileRow::rows).sum();
    }

    public long rowsRejected() {
        return inputFiles.stream().mapToLong(InputFileRow::rejected).sum();
    }

    public record InputFileRow(String name, String format, long bytes, long rows, long rejected) {
    }
}
