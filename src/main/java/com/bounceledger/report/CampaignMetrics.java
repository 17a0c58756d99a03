package com.bounceledger.report;

/** The day's metrics of one (account, campaign) as the report shows them (SPEC 5), with the rates. */
public record CampaignMetrics(String account, String campaign, long sent, long delivered, long hard, long soft,
                              long blocked, long pending, long deferred, long opened, long clicked,
                              long unsubscribed, long complained) {

    public long bounced() {
        return hard + soft + blocked;
    }

    public Double deliveredRate() { return rate(delivered, sent); }
    public Double hardRate() { return rate(hard, sent); }
    public Double softRate() { return rate(soft, sent); }
    public Double blockedRate() { return rate(blocked, sent); }
    public Double bounceRate() { return rate(bounced(), sent); }
    public Double openRate() { return rate(opened, delivered); }
    public Double clickRate() { return rate(clicked, delivered); }
    public Double clickToOpenRate() { return rate(clicked, opened); }
    public Double unsubscribeRate() { return rate(unsubscribed, delivered); }
    public Double complaintRate() { return rate(complained, delivered); }

    /** @return null for a zero denominator: an empty cell, not an error */
    public static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    public CampaignMetrics plus(CampaignMetrics o) {
        return new CampaignMetrics(account, campaign, sent + o.sent, delivered + o.delivered, hard + o.hard,
                soft + o.soft, blocked + o.blocked, pending + o.pending, deferred + o.deferred, opened + o.opened,
                clicked + o.clicked, unsubscribed + o.unsubscribed, complained + o.complained);
    }

    public static CampaignMetrics total(String label, Iterable<CampaignMetrics> rows) {
        CampaignMetrics total = new CampaignMetrics(label, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (CampaignMetrics row : rows) {
            total = total.plus(row);
        }
        return total;
    }
}
