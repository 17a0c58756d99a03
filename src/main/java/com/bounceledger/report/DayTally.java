package com.bounceledger.report;

import java.util.HashMap;
import java.util.Map;

import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.EmailAddresses;

/**
 * The day's metrics of a set of messages: per (account, campaign), per recipient domain, and messages per
 * bounce reason.
 */
public final class DayTally {

    // Hashed, not sorted: only written to the database, and looked up for every message of the day.
    private final Map<CampaignKey, CampaignCounts> campaigns = new HashMap<>();
    private final Map<String, CampaignCounts> domains = new HashMap<>();
    private final Map<String, ReasonCount> reasons = new HashMap<>();

    public void add(MessageDay message) {
        campaigns.computeIfAbsent(new CampaignKey(message.account(), message.campaign()), key -> new CampaignCounts())
                .add(message);
        domains.computeIfAbsent(EmailAddresses.domainOf(message.recipient()), domain -> new CampaignCounts())
                .add(message);
        ClassifiedEvent failure = message.finalFailure();
        if (failure != null) {
            Classification classification = failure.classification();
            reasons.computeIfAbsent(classification.reason().code(),
                            code -> new ReasonCount(code, classification.group().label(), failure.event().diagnostic()))
                    .messages++;
        }
    }

    public Map<CampaignKey, CampaignCounts> campaigns() {
        return campaigns;
    }

    /** The same counts per recipient domain (the Domains sheet). */
    public Map<String, CampaignCounts> domains() {
        return domains;
    }

    public Map<String, ReasonCount> reasons() {
        return reasons;
    }

    public record CampaignKey(String account, String campaign) {
    }

    /** Messages whose final failure had this reason, with the first reply seen as an example. */
    public static final class ReasonCount {
        private final String reason;
        private final String group;
        private final String example;
        long messages;

        ReasonCount(String reason, String group, String example) {
            this.reason = reason;
            this.group = group;
            this.example = example;
        }

        public String reason() { return reason; }
        public String group() { return group; }
        public String example() { return example; }
        public long messages() { return messages; }
    }
}
