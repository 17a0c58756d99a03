package com.bounceledger.report;

import java.time.Instant;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;

/**
 * What one message did on the run date, folded from its events in any order (SPEC 5: each metric counts a
 * message at most once).
 */
public final class MessageDay {

    private final String account;
    private final String messageId;
    private String campaign;
    private String recipient;
    private Instant firstEventAt;
    private final boolean carriedOver;
    /** A {@code sent} event, or an MTA's delivery attempt in formats without one (SPEC 5). */
    private boolean sentEvent;
    private boolean delivered;
    private ClassifiedEvent finalFailure;
    private boolean deferred;
    private boolean opened;
    private boolean clicked;
    private boolean unsubscribed;
    private boolean complained;

    private MessageDay(String account, String messageId, String campaign, String recipient, Instant firstEventAt,
                       boolean carriedOver) {
        this.account = account;
        this.messageId = messageId;
        this.campaign = campaign;
        this.recipient = recipient;
        this.firstEventAt = firstEventAt;
        this.carriedOver = carriedOver;
    }

    public static MessageDay startedToday(DeliveryEvent first) {
        return new MessageDay(first.account(), first.messageId(), first.campaign(), first.recipient(),
                first.timestamp(), false);
    }

    /** A message pending since an earlier day: it was sent then, so today cannot count it as sent. */
    public static MessageDay carriedOver(String account, String messageId, String campaign, String recipient,
                                         Instant firstEventAt) {
        return new MessageDay(account, messageId, campaign, recipient, firstEventAt, true);
    }

    public void add(ClassifiedEvent classified) {
        DeliveryEvent event = classified.event();
        if (!carriedOver && event.timestamp().isBefore(firstEventAt)) {
            firstEventAt = event.timestamp();
        }
        if (event.attempt()) {
            sentEvent = true;
        }
        switch (event.type()) {
            case SENT -> sentEvent = true;
            case DELIVERED -> delivered = true;
            case DEFERRED -> deferred = true;
            case BOUNCED -> addBounce(classified);
            case OPENED -> opened = true;
            case CLICKED -> {
                clicked = true;
                opened = true; // a click proves an open even when the tracking pixel was blocked
            }
            case UNSUBSCRIBED -> unsubscribed = true;
            case COMPLAINED -> complained = true;
        }
    }

    private void addBounce(ClassifiedEvent bounce) {
        Classification classification = bounce.classification();
        if (classification.isComplaint()) {
            complained = true;
        } else if (classification.isBounce()
                && (finalFailure == null || !bounce.event().timestamp().isBefore(finalFailure.event().timestamp()))) {
            finalFailure = bounce;
        }
    }

    /**
     * Sent on this day: its first event is today's {@code sent}, or, for MTA logs without one, today's first
     * delivery attempt (a remote bounce or a complaint is not an attempt).
     */
    public boolean sent() {
        return sentEvent && !carriedOver;
    }

    public boolean delivered() {
        return delivered;
    }

    /** The group of the day's final failure, or null when the message did not fail today. */
    public BounceGroup failureGroup() {
        return finalFailure == null ? null : finalFailure.classification().group();
    }

    public ClassifiedEvent finalFailure() {
        return finalFailure;
    }

    /**
     * Attempted but without a final outcome at the end of the day. An open or click proves the message
     * arrived even when the delivery line is missing, so such a message is not pending (and never expires).
     */
    public boolean pending() {
        return !delivered && finalFailure == null && !opened && (sentEvent || deferred || carriedOver);
    }

    public boolean deferred() {
        return deferred;
    }

    public boolean opened() {
        return opened;
    }

    public boolean clicked() {
        return clicked;
    }

    public boolean unsubscribed() {
        return unsubscribed;
    }

    public boolean complained() {
        return complained;
    }

    public boolean carriedOverFromEarlierDay() {
        return carriedOver;
    }

    public String account() {
        return account;
    }

    public String messageId() {
        return messageId;
    }

    public String campaign() {
        return campaign;
    }

    public String recipient() {
        return recipient;
    }

    public Instant firstEventAt() {
        return firstEventAt;
    }
}
