package com.bounceledger.classify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

/**
 * Classifies every bounce and deferral; other events get no classification. Replies recur verbatim (a
 * receiver's throttling text, a busy host's deferral), so their classifications are remembered; the memory
 * is bounded by starting over when it is full. Safe for the threads that process blocks concurrently.
 */
public final class CachingClassifier {

    static final int MAX_REMEMBERED = 20_000;

    private final BounceClassifier classifier;
    private final Map<Reply, Classification> remembered = new ConcurrentHashMap<>();

    public CachingClassifier(BounceClassifier classifier) {
        this.classifier = classifier;
    }

    /** @return the event's classification, or null for an event that is neither a bounce nor a deferral */
    public Classification classify(DeliveryEvent event) {
        if (event.type() != EventType.BOUNCED && event.type() != EventType.DEFERRED) {
            return null;
        }
        Reply reply = new Reply(event.smtpCode(), event.enhancedStatus(), event.diagnostic(), event.bounceHint());
        Classification known = remembered.get(reply);
        if (known != null) {
            return known;
        }
        Classification classification = classifier.classify(reply.smtpCode(), reply.enhancedStatus(),
                reply.diagnostic(), reply.hint());
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(reply, classification);
        return classification;
    }

    /** Everything the classifier reads. */
    private record Reply(String smtpCode, String enhancedStatus, String diagnostic, String hint) {
    }
}
