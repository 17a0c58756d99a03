package com.bounceledger.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bounceledger.classify.BounceClassifier;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

/** Classifies every bounce and deferral of a record; other events pass through unclassified. */
final class ClassifyProcessor implements ItemProcessor<ParsedRecord, ClassifiedRecord> {

    private final BounceClassifier classifier;

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
        return classifier.classify(event.smtpCode(), event.enhancedStatus(), event.diagnostic(), event.bounceHint());
    }
}
