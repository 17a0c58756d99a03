package com.bounceledger.report;

import java.time.LocalDate;

/** One run date of the Trend sheet, summed over every account and campaign. */
public record TrendDay(LocalDate runDate, long sent, long delivered, long bounced, long complained) {

    public Double bounceRate() {
        return CampaignMetrics.rate(bounced, sent);
    }

    public Double complaintRate() {
        return CampaignMetrics.rate(complained, delivered);
    }
}
