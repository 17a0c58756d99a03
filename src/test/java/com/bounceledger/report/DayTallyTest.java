package com.bounceledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

class DayTallyTest {

    @Test
    void countsEachMessageOnceAndTheFinalFailureOnly() {
        MessageDay message = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        message.add(classified(EventType.SENT, "09:00:00", null));
        message.add(classified(EventType.DEFERRED, "09:01:00", new Classification(Reason.MAILBOXFULL, BounceGroup.SOFT, "t")));
        message.add(classified(EventType.DEFERRED, "09:31:00", new Classification(Reason.MAILBOXFULL, BounceGroup.SOFT, "t")));
        // the later failure is the final one, whatever order the files hold them in
        message.add(classified(EventType.BOUNCED, "12:00:00", new Classification(Reason.USERUNKNOWN, BounceGroup.HARD, "t")));
        message.add(classified(EventType.BOUNCED, "11:00:00", new Classification(Reason.MAILBOXFULL, BounceGroup.SOFT, "t")));

        DayTally tally = new DayTally();
        tally.add(message);

        CampaignCounts counts = tally.campaigns().get(new DayTally.CampaignKey("acme", "spring"));
        assertThat(new long[] {counts.sent(), counts.deferred(), counts.hard(), counts.soft(), counts.pending()})
                .containsExactly(1, 1, 1, 0, 0);
        assertThat(tally.reasons()).containsOnlyKeys("userunknown");
        assertThat(tally.reasons().get("userunknown").messages()).isEqualTo(1);
    }

    @Test
    void countsTheSameMetricsPerRecipientDomain() {
        MessageDay delivered = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        delivered.add(classified(EventType.SENT, "09:00:00", null));
        delivered.add(classified(EventType.DELIVERED, "09:00:05", null));
        MessageDay blocked = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        blocked.add(classified(EventType.SENT, "09:00:00", null));
        blocked.add(classified(EventType.BOUNCED, "09:00:05", new Classification(Reason.BLOCKED, BounceGroup.BLOCK, "t")));

        DayTally tally = new DayTally();
        tally.add(delivered);
        tally.add(blocked);

        // both messages go to ann@example.com (the fixture's recipient): one domain, two sent
        CampaignCounts domain = tally.domains().get("example.com");
        assertThat(tally.domains()).containsOnlyKeys("example.com");
        assertThat(new long[] {domain.sent(), domain.delivered(), domain.hard(), domain.soft(), domain.blocked()})
                .containsExactly(2, 1, 0, 0, 1);
    }

    @Test
    void aMessageCarriedOverFromAnEarlierDayIsNotSentAgain() {
        MessageDay carried = MessageDay.carriedOver("acme", "m1", "spring", "ann@example.com",
                Instant.parse("2026-11-20T09:00:00Z"));
        carried.add(classified(EventType.DELIVERED, "01:00:00", null));

        assertThat(carried.sent()).isFalse();
        assertThat(carried.delivered()).isTrue();
        assertThat(carried.pending()).isFalse();
        assertThat(carried.firstEventAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void pendingMeansAttemptedWithoutOutcomeAndNotSeenOpened() {
        MessageDay deferred = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        deferred.add(classified(EventType.SENT, "09:00:00", null));
        deferred.add(classified(EventType.DEFERRED, "09:05:00", new Classification(Reason.MAILBOXFULL, BounceGroup.SOFT, "t")));
        MessageDay opened = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        opened.add(classified(EventType.SENT, "09:00:00", null));
        opened.add(classified(EventType.OPENED, "10:00:00", null));
        MessageDay autoReply = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        autoReply.add(classified(EventType.SENT, "09:00:00", null));
        autoReply.add(classified(EventType.BOUNCED, "09:05:00", new Classification(Reason.VACATION, BounceGroup.NONE, "t")));

        assertThat(deferred.pending()).isTrue();
        assertThat(opened.pending()).isFalse();
        assertThat(autoReply.pending()).as("an out-of-office reply is no outcome").isTrue();
        assertThat(autoReply.failureGroup()).isNull();
    }

    @Test
    void aFeedbackReportIsAComplaintNotABounce() {
        MessageDay message = MessageDay.startedToday(event(EventType.SENT, "09:00:00"));
        message.add(classified(EventType.BOUNCED, "09:05:00", new Classification(Reason.FEEDBACK, BounceGroup.NONE, "t")));

        assertThat(message.complained()).isTrue();
        assertThat(message.failureGroup()).isNull();
    }

    @Test
    void ratesWithAZeroDenominatorAreEmpty() {
        CampaignMetrics nothingDelivered = new CampaignMetrics("a", "c", 4, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0);

        assertThat(nothingDelivered.bounceRate()).isEqualTo(1.0);
        assertThat(nothingDelivered.openRate()).isNull();
        assertThat(nothingDelivered.clickToOpenRate()).isNull();
    }

    static DeliveryEvent event(EventType type, String time) {
        return new DeliveryEvent(Instant.parse("2026-11-21T" + time + "Z"), "acme", "spring", "m1", "ann@example.com",
                type, null, null, "reply", null, null, false);
    }

    static ClassifiedEvent classified(EventType type, String time, Classification classification) {
        return new ClassifiedEvent(event(type, time), classification);
    }
}
