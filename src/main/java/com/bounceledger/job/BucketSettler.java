package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.ledger.LedgerRules;
import com.bounceledger.report.DayTally;
import com.bounceledger.report.MessageDay;

/**
 * Settles one address bucket: folds its events into messages with the messages still pending from earlier
 * days, tallies the day's metrics, and applies the ledger rules to the addresses in time order. Memory is
 * one bucket's share of the day and of the state, whatever the day's size.
 */
public class BucketSettler implements ItemProcessor<Integer, BucketSettlement> {

    private static final Comparator<ClassifiedEvent> BY_TIME = Comparator.comparing(e -> e.event().timestamp());

    private final SpillLayout layout;
    private final LedgerRepository repository;
    private final LedgerRules rules;
    private final Instant endOfRunDate;

    BucketSettler(SpillLayout layout, LedgerRepository repository, LedgerRules rules, Instant endOfRunDate) {
        this.layout = layout;
        this.repository = repository;
        this.rules = rules;
        this.endOfRunDate = endOfRunDate;
    }

    @Override
    public BucketSettlement process(Integer bucket) {
        List<ClassifiedEvent> events = readEvents(bucket);
        long from = AddressHash.bucketStart(bucket, layout.buckets());
        long to = AddressHash.bucketStart(bucket + 1, layout.buckets());

        Map<LedgerRepository.MessageKey, LedgerRepository.PendingMessage> pending = repository.pendingIn(from, to);
        Map<LedgerRepository.MessageKey, MessageDay> messages = new LinkedHashMap<>();
        for (ClassifiedEvent classified : events) {
            DeliveryEvent event = classified.event();
            LedgerRepository.MessageKey key = new LedgerRepository.MessageKey(event.account(), event.messageId());
            messages.computeIfAbsent(key, k -> startMessage(pending.get(k), event)).add(classified);
        }

        DayTally tally = new DayTally();
        List<LedgerRepository.MessageKey> resolved = new ArrayList<>();
        List<LedgerRepository.PendingMessage> newPending = new ArrayList<>();
        messages.forEach((key, message) -> {
            tally.add(message);
            if (message.carriedOverFromEarlierDay() && !message.pending()) {
                resolved.add(key);
            } else if (!message.carriedOverFromEarlierDay() && message.pending()) {
                newPending.add(new LedgerRepository.PendingMessage(message.account(), message.messageId(),
                        message.recipient(), message.campaign(), message.firstEventAt()));
            }
        });

        Map<LedgerRepository.AddressKey, AddressState> states = repository.statesIn(from, to);
        List<AddressChange> changes = new ArrayList<>();
        events.sort(BY_TIME);
        for (ClassifiedEvent classified : events) {
            DeliveryEvent event = classified.event();
            if (affectsLedger(classified)) {
                AddressState state = states.computeIfAbsent(
                        new LedgerRepository.AddressKey(event.account(), event.recipient()),
                        key -> new AddressState(key.account(), key.address()));
                rules.apply(state, classified, changes);
            }
        }
        for (AddressState state : states.values()) {
            rules.expireSuspension(state, endOfRunDate, changes);
        }
        List<AddressState> changed = states.values().stream().filter(AddressState::changed).toList();
        return new BucketSettlement(bucket, tally, resolved, newPending, changed, changes);
    }

    private static MessageDay startMessage(LedgerRepository.PendingMessage pending, DeliveryEvent first) {
        return pending == null ? MessageDay.startedToday(first) : MessageDay.carriedOver(pending.account(),
                pending.messageId(), pending.campaign(), pending.recipient(), pending.firstEventAt());
    }

    private static boolean affectsLedger(ClassifiedEvent classified) {
        return switch (classified.event().type()) {
            case BOUNCED, COMPLAINED, UNSUBSCRIBED -> true;
            default -> false;
        };
    }

    private List<ClassifiedEvent> readEvents(int bucket) {
        List<ClassifiedEvent> events = new ArrayList<>();
        try {
            for (Path file : layout.bucketFiles(bucket)) {
                EventSpill.readAll(file, events::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
