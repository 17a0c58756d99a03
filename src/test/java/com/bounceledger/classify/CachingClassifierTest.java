package com.bounceledger.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

class CachingClassifierTest {

    private final BounceClassifier classifier = BounceClassifier.load(null);
    private final CachingClassifier caching = new CachingClassifier(classifier);

    @Test
    void aRepeatedReplyIsClassifiedAsTheClassifierDoesAndOtherEventsAreNot() {
        String full = "552 5.2.2 Postfach voll, mailbox full";
        Classification expected = classifier.classify("552", "5.2.2", full, null);

        assertThat(classify(EventType.BOUNCED, "552", "5.2.2", full)).isEqualTo(expected);
        assertThat(classify(EventType.DEFERRED, "552", "5.2.2", full)).isEqualTo(expected);
        assertThat(classify(EventType.BOUNCED, "550", "5.2.2", full))
                .isEqualTo(classifier.classify("550", "5.2.2", full, null));
        assertThat(classify(EventType.DELIVERED, "250", "2.0.0", "ok")).isNull();
    }

    @Test
    void keepsClassifyingCorrectlyPastItsMemory() {
        for (int n = 0; n <= CachingClassifier.MAX_REMEMBERED; n++) {
            classify(EventType.DEFERRED, "421", "4.7.0", "try again later, queue " + n);
        }
        assertThat(classify(EventType.BOUNCED, "550", "5.1.1", "user unknown").group()).isEqualTo(BounceGroup.HARD);
        assertThat(classify(EventType.BOUNCED, "550", "5.1.1", "user unknown").group()).isEqualTo(BounceGroup.HARD);
    }

    private Classification classify(EventType type, String code, String status, String diagnostic) {
        return caching.classify(new DeliveryEvent(Instant.EPOCH, "acme", "spring", "m1", "ann@example.com", type, code,
                status, diagnostic, null, null, false));
    }
}
