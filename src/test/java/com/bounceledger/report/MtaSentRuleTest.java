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

/** SPEC 5 "Sent" for MTA logs, which have no {@code sent} event: the first delivery attempt of the day. */
class MtaSentRuleTest {

    private static final Classification HARD = new Classification(Reason.USERUNKNOWN, BounceGroup.HARD, "t");

    @Test
    void aDeliveryAttemptMakesTheMessageSent() {
        MessageDay message = MessageDay.startedToday(event(EventType.DEFERRED, true));
        message.add(new ClassifiedEvent(event(EventType.DEFERRED, true), null));

        assertThat(message.sent()).isTrue();
        assertThat(message.pending()).isTrue();
    }

    @Test
    void aRemoteBounceOrAComplaintAloneIsNotASend() {
        MessageDay bounced = MessageDay.startedToday(event(EventType.BOUNCED, false));
        bounced.add(new ClassifiedEvent(event(EventType.BOUNCED, false), HARD));
        MessageDay complained = MessageDay.startedToday(event(EventType.COMPLAINED, false));
        complained.add(new ClassifiedEvent(event(EventType.COMPLAINED, false), null));

        assertThat(bounced.sent()).isFalse();
        assertThat(bounced.failureGroup()).isEqualTo(BounceGroup.HARD);
        assertThat(complained.sent()).isFalse();
    }

    @Test
    void anAttemptOfAMessageCarriedOverFromAnEarlierDayIsNotASend() {
        MessageDay carried = MessageDay.carriedOver("acme", "m1", "spring", "ann@example.com",
                Instant.parse("2026-11-20T09:00:00Z"));
        carried.add(new ClassifiedEvent(event(EventType.BOUNCED, true), HARD));

        assertThat(carried.sent()).isFalse();
        assertThat(carried.failureGroup()).isEqualTo(BounceGroup.HARD);
    }

    private static DeliveryEvent event(EventType type, boolean attempt) {
        return new DeliveryEvent(Instant.parse("2026-11-21T09:00:00Z"), "acme", "spring", "m1", "ann@example.com",
                type, "550", "5.1.1", "user unknown", null, null, attempt);
    }
}
