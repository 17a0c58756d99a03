package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.LedgerRules;
import com.bounceledger.report.DayTally;
import com.bounceledger.report.MessageDay;

/**
 * Settles one address bucket: folds its events into messages with the messages still pending from earlier
 * days, turns messages pending too long into soft bounces, tallies the day's metrics, applies the ledger rules
 * to the day's addresses in time order, then ends the bucket's suspensions that end within the run date.
 * Memory is one bucket's share of the day, whatever the size of the day or of the ledger.
 */
public class BucketSettler implements ItemProcessor<Integer, BucketSettlement> {

    private static final Classification PENDING_EXPIRED =
            new Classification(Reason.EXPIRED, BounceGroup.SOFT, "pending_expiry");

    private final SpillLayout layout;
    private final LedgerRepository repository;
    private final LedgerRules rules;
    private final Instant endOfRunDate;
    private final long storedStatusesPerBucket;
    private final Map<Integer, long[]> committedLengths;

    /**
     * @param storedStatuses   the ledger's status rows before settlement: chooses how a bucket's are read
     * @param committedLengths each ingest partition's spill-file lengths at the end of ingest, which a bucket's files
     *                         must have
     */
    BucketSettler(SpillLayout layout, LedgerRepository repository, LedgerRules rules, Instant endOfRunDate,
                  long storedStatuses, Map<Integer, long[]> committedLengths) {
        this.layout = layout;
        this.repository = repository;
        this.rules = rules;
        this.endOfRunDate = endOfRunDate;
        this.storedStatusesPerBucket = storedStatuses / layout.buckets();
        this.committedLengths = committedLengths;
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
        pending.forEach((key, message) -> {
            if (!messages.containsKey(key) && overdue(message.firstEventAt())) { // untouched today, expires today
                messages.put(key, startMessage(message, null));
            }
        });

        List<ClassifiedEvent> ledgerEvents = new ArrayList<>();
        DayTally tally = new DayTally();
        List<LedgerRepository.PendingMessage> resolved = new ArrayList<>();
        List<LedgerRepository.PendingMessage> newPending = new ArrayList<>();
        messages.forEach((key, message) -> {
            expireIfOverdue(message, ledgerEvents);
            tally.add(message);
            if (message.carriedOverFromEarlierDay() && !message.pending()) {
                resolved.add(pending.get(key));
            } else if (!message.carriedOverFromEarlierDay() && message.pending()) {
                newPending.add(new LedgerRepository.PendingMessage(message.account(), message.messageId(),
                        message.recipient(), message.campaign(), message.firstEventAt()));
            }
        });

        for (ClassifiedEvent classified : events) {
            if (LedgerRules.concernsLedger(classified.event())) {
                ledgerEvents.add(classified);
            }
        }
        TimeOrder.sort(ledgerEvents);
        Set<String> addresses = new HashSet<>();
        ledgerEvents.forEach(e -> addresses.add(e.event().recipient()));
        AddressLedger ledger = repository.bucketLedger(from, to, addresses, endOfRunDate,
                storedStatusesPerBucket);
        List<AddressChange> changes = new ArrayList<>();
        for (ClassifiedEvent classified : ledgerEvents) {
            rules.apply(ledger, classified, changes);
        }
        List<AddressChange> expiries = new ArrayList<>();
        rules.expireSuspensions(ledger, endOfRunDate, expiries);
        return new BucketSettlement(bucket, tally, resolved, newPending, ledger.changed(), changes, expiries);
    }

    /**
     * SPEC 4.4: a message still without outcome when its expiry ends within the run date becomes a soft
     * bounce {@code expired} at that instant, counted today.
     */
    private void expireIfOverdue(MessageDay message, List<ClassifiedEvent> ledgerEvents) {
        if (message.pending() && overdue(message.firstEventAt())) {
            Instant deadline = message.firstEventAt().plus(rules.policy().pendingExpiry());
            ClassifiedEvent expiry = new ClassifiedEvent(new DeliveryEvent(deadline, message.account(),
                    message.campaign(), message.messageId(), message.recipient(), EventType.BOUNCED, null, null,
                    "no final outcome " + rules.policy().pendingExpiry().toHours() + " hours after the first attempt",
                    null, null, false), PENDING_EXPIRED);
            message.add(expiry);
            ledgerEvents.add(expiry);
        }
    }

    private boolean overdue(Instant firstEventAt) {
        return firstEventAt.plus(rules.policy().pendingExpiry()).isBefore(endOfRunDate);
    }

    private static MessageDay startMessage(LedgerRepository.PendingMessage pending, DeliveryEvent first) {
        return pending == null ? MessageDay.startedToday(first) : MessageDay.carriedOver(pending.account(),
                pending.messageId(), pending.campaign(), pending.recipient(), pending.firstEventAt());
    }

    private List<ClassifiedEvent> readEvents(int bucket) {
        committedLengths.forEach((partition, lengths) ->
                SpillLayout.checkCommitted(layout.bucketFile(partition, bucket), lengths[bucket], false));
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
