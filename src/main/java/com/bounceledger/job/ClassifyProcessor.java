package com.bounceledger.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bounceledger.classify.BounceClassifier;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

/**
 * Classifies every bounce and deferral of a record; other events pass through unclassified. Replies
 * recur verbatim (a receiver's throttling text, a busy host's deferral), so their classifications are
 * remembered; the memory is bounded by starting over when it is full.
 */
final class ClassifyProcessor implements ItemProcessor<ParsedRecord, ClassifiedRecord> {

    static final int MAX_REMEMBERED = 20_000;

    private final BounceClassifier classifier;
    private final Map<Reply, Classification> remembered = new ConcurrentHashMap<>();

    ClassifyProcessor(BounceClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public ClassifiedRecord process(ParsedRecord record) {
        List<ClassifiedEvent> events = new ArrayList<>(record.events().size());
        for (DeliveryEvent event : record.events()) {
            events.add(new ClassifiedEvent(event, classify(event)));
        }
        return new ClassifiedRecord(record.fileIndex(), record.line(), events, record.error(), record.raw());
    }

    private Classification classify(DeliveryEvent event) {
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
