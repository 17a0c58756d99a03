package com.bounceledger.report;

/** The day's messages to one recipient domain; a null domain is the "other" row of the smaller domains. */
public record DomainMetrics(String domain, long sent, long delivered, long hard, long soft, long blocked) {

    public Double bounceRate() {
        return CampaignMetrics.rate(hard + soft + blocked, sent);
    }

    public DomainMetrics plus(DomainMetrics o, String label) {
        return new DomainMetrics(label, sent + o.sent, delivered + o.delivered, hard + o.hard, soft + o.soft,
                blocked + o.blocked);
    }
}
