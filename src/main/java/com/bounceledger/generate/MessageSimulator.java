package com.bounceledger.generate;

import com.bounceledger.ingest.EventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides, from the recipient's mailbox, the receiver's mood of the day and chance, everything that
 * happens to one message after it is sent: deferrals and their retries, the final outcome (delivered,
 * bounced, or none at all), and after a delivery the auto-reply, opens, clicks, unsubscribe or complaint.
 * Everything happens within {@link #LIFETIME_SECONDS} of the send. The files replay a message on the day
 * it was sent and the next only, so the rare late event of an evening's message that falls on the day
 * after is not written (nor counted in the truth).
 */
final class MessageSimulator {

    static final long LIFETIME_SECONDS = 30 * 3600;

    /** The sending MTA logged the send and nothing else: a pending message forever. */
    static final double UNLOGGED_CHANCE = 0.001;
    static final double CONTENT_BLOCK_CHANCE = 0.0025;
    static final double TRANSIENT_DEFERRAL_CHANCE = 0.015;
    /** A gateway accepts mail for a dead corporate mailbox, and the mail server behind it bounces it later. */
    static final double GATEWAY_LATE_BOUNCE_CHANCE = 0.3;
    static final double FULL_BOUNCES_AT_ONCE_CHANCE = 0.6;
    static final double BLOCK_DEFERRED_FIRST_CHANCE = 0.3;
    /** A block answered with deferrals first is lifted before the retries end half of the time. */
    static final double BLOCK_LIFTED_CHANCE = 0.5;
    /** Each further deferral of a rate-limited message happens with this chance (at most 8 in all). */
    static final double ANOTHER_DEFERRAL_CHANCE = 0.5;
    /** Transient deferrals: half are network failures seen by the sending MTA, half the receiver's own errors. */
    static final double NETWORK_FAILURE_SHARE = 0.5;
    static final double THROTTLED_DELIVERED_CHANCE = 0.92;
    static final double THROTTLED_STUCK_CHANCE = 0.04;
    static final double AUTOREPLY_CHANCE = 0.35;
    /** Apple Mail Privacy Protection fetches images on delivery: machine opens, minutes after delivery. */
    static final double PRIVACY_PROXY_OPEN_CHANCE = 0.85;
    static final double SECOND_OPEN_CHANCE = 0.25;
    static final double SECOND_CLICK_CHANCE = 0.15;
    static final double UNSUBSCRIBE_CHANCE = 0.002;
    /** Only for receivers with a per-message feedback loop (not Gmail, not Apple): about 0.05% overall. */
    static final double COMPLAINT_CHANCE = 0.0007;

    private static final long[] RETRY_WAITS = {600, 1200, 2400, 4800, 9600, 14_400};
    private static final long EXPIRY_SECONDS = 24 * 3600;

    private final ReplyCatalogue catalogue;
    private final ReceiverConditions conditions;
    private final long startEpochDay;

    MessageSimulator(ReplyCatalogue catalogue, ReceiverConditions conditions, long startEpochDay) {
        this.catalogue = catalogue;
        this.conditions = conditions;
        this.startEpochDay = startEpochDay;
    }

    MessageLife simulate(Campaign campaign, String messageId, Recipient recipient, long sentAt, SeededRandom random) {
        Life life = new Life(campaign, messageId, recipient, sentAt, random);
        life.add(sentAt, EventType.SENT, null, null);
        if (random.chance(UNLOGGED_CHANCE)) {
            return life.finish();
        }
        long attempt = sentAt + random.between(1, 20);
        String receiver = recipient.domain().receiver();
        switch (recipient.conditionOn((int) (campaign.epochDay() - startEpochDay))) {
            case NO_DOMAIN -> life.bounce(attempt, ReplyCatalogue.SENDING_MTA, "hostunknown");
            case UNKNOWN_USER -> {
                if (recipient.domain().behindGateway() && random.chance(GATEWAY_LATE_BOUNCE_CHANCE)) {
                    life.deliver(attempt);
                    life.returnedBounce(attempt + random.between(120, 5400), "exchange", "userunknown");
                } else {
                    life.bounce(attempt, receiver, recipient.mailbox().hardReason());
                }
            }
            case SUSPENDED -> life.bounce(attempt, receiver, "suspend");
            case FULL -> {
                if (!random.chance(FULL_BOUNCES_AT_ONCE_CHANCE)) {
                    attempt = life.defer(attempt, 1 + random.nextInt(3), receiver, "mailboxfull");
                }
                life.bounce(attempt, receiver, "mailboxfull");
            }
            case OK, ON_VACATION -> deliverOrFail(life, attempt, receiver);
        }
        return life.finish();
    }

    private void deliverOrFail(Life life, long attempt, String receiver) {
        SeededRandom random = life.random;
        ReceiverConditions.Day day = conditions.on(receiver, life.campaign.account(), life.campaign.epochDay());
        if (day.blockReason() != null && random.chance(day.blockShare())) {
            if (catalogue.hasOwn(receiver, day.blockReason(), EventType.DEFERRED) && random.chance(BLOCK_DEFERRED_FIRST_CHANCE)) {
                attempt = life.defer(attempt, 1 + random.nextInt(3), receiver, day.blockReason());
                if (random.chance(BLOCK_LIFTED_CHANCE)) {
                    deliverAndEngage(life, attempt);
                    return;
                }
            }
            life.bounce(attempt, receiver, day.blockReason());
        } else if (random.chance(CONTENT_BLOCK_CHANCE)) {
            life.bounce(attempt, receiver, "spamdetected");
        } else if (day.throttleReason() != null && random.chance(day.throttleShare())) {
            int deferrals = 1;
            while (deferrals < 8 && random.chance(ANOTHER_DEFERRAL_CHANCE)) {
                deferrals++;
            }
            attempt = life.defer(attempt, deferrals, receiver, day.throttleReason());
            double outcome = random.nextDouble();
            if (outcome < THROTTLED_DELIVERED_CHANCE) {
                deliverAndEngage(life, attempt);
            } else if (outcome < THROTTLED_DELIVERED_CHANCE + THROTTLED_STUCK_CHANCE) {
                life.defer(attempt, Integer.MAX_VALUE, receiver, day.throttleReason());
            } else {
                life.bounce(life.sentAt + EXPIRY_SECONDS + random.between(0, 3600), ReplyCatalogue.SENDING_MTA, "expired");
            }
        } else {
            if (random.chance(TRANSIENT_DEFERRAL_CHANCE)) {
                boolean network = random.chance(NETWORK_FAILURE_SHARE);
                attempt = life.defer(attempt, 1 + random.nextInt(2), network ? ReplyCatalogue.SENDING_MTA : receiver,
                        network ? "networkerror" : "systemerror");
            }
            deliverAndEngage(life, attempt);
        }
    }

    private void deliverAndEngage(Life life, long deliveredAt) {
        SeededRandom random = life.random;
        Recipient recipient = life.recipient;
        life.deliver(deliveredAt);
        if (recipient.conditionOn((int) (life.campaign.epochDay() - startEpochDay)) == MailboxCondition.ON_VACATION
                && random.chance(AUTOREPLY_CHANCE)) {
            life.returnedBounce(deliveredAt + random.between(5, 600), "autoreply-" + recipient.domain().locale(), BounceReasons.VACATION);
        }
        long openedAt = -1;
        boolean privacyProxy = recipient.domain().receiver().equals("apple");
        if (privacyProxy ? random.chance(PRIVACY_PROXY_OPEN_CHANCE) : random.chance(recipient.engagement().openChance)) {
            openedAt = deliveredAt + (privacyProxy ? random.between(30, 1200) : openDelay(random));
            life.add(openedAt, EventType.OPENED, null, null);
            if (random.chance(SECOND_OPEN_CHANCE)) {
                life.add(openedAt + random.between(300, 20 * 3600), EventType.OPENED, null, null);
            }
            if (random.chance(recipient.engagement().clickChanceWhenOpened)) {
                long clickedAt = openedAt + random.between(5, 1800);
                life.add(clickedAt, EventType.CLICKED, null, null);
                if (random.chance(SECOND_CLICK_CHANCE)) {
                    life.add(clickedAt + random.between(10, 600), EventType.CLICKED, null, null);
                }
            }
        }
        if (random.chance(UNSUBSCRIBE_CHANCE)) {
            long from = openedAt >= 0 ? openedAt : deliveredAt;
            life.add(from + random.between(20, openedAt >= 0 ? 600 : 20 * 3600), EventType.UNSUBSCRIBED, null, null);
        }
        if (hasFeedbackLoop(recipient.domain().receiver()) && random.chance(COMPLAINT_CHANCE)) {
            life.add(deliveredAt + random.between(600, 24 * 3600), EventType.COMPLAINED, null, null);
        }
    }

    /** Most opens come within the hour, many within the working day, some the next day. */
    private static long openDelay(SeededRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.45) {
            return 30 + (long) random.exponential(1200);
        }
        return kind < 0.85 ? random.between(3600, 10 * 3600) : random.between(10 * 3600, 28 * 3600);
    }

    private static boolean hasFeedbackLoop(String receiver) {
        return !receiver.equals("gmail") && !receiver.equals("apple");
    }

    /** The events of one message as they are decided. */
    private final class Life {
        final Campaign campaign;
        final String messageId;
        final Recipient recipient;
        final long sentAt;
        final SeededRandom random;
        final ReplyText.Context context;
        final List<MessageLife.Event> events = new ArrayList<>(6);

        Life(Campaign campaign, String messageId, Recipient recipient, long sentAt, SeededRandom random) {
            this.campaign = campaign;
            this.messageId = messageId;
            this.recipient = recipient;
            this.sentAt = sentAt;
            this.random = random;
            RecipientDomain domain = recipient.domain();
            this.context = new ReplyText.Context(recipient.address(), domain.name(), campaign.account().ip(),
                    campaign.account().sendingDomain(), domain.mx(), messageId);
        }

        void add(long at, EventType type, Reply reply, String diagnostic) {
            add(at, type, reply, diagnostic, false);
        }

        private void add(long at, EventType type, Reply reply, String diagnostic, boolean returnedLater) {
            if (at < sentAt + LIFETIME_SECONDS) {
                events.add(new MessageLife.Event(at, type, reply, diagnostic, remoteMtaOf(reply, type, returnedLater), returnedLater));
            }
        }

        /** The host that answered: the recipient's mail host, except for the sending MTA's own verdicts. */
        private String remoteMtaOf(Reply reply, EventType type, boolean returnedLater) {
            if (reply == null || returnedLater) {
                return null;
            }
            return reply.receiver().equals(ReplyCatalogue.SENDING_MTA) && type != EventType.DEFERRED ? null : recipient.domain().mx();
        }

        void deliver(long at) {
            Reply reply = catalogue.pick(recipient.domain().receiver(), "", EventType.DELIVERED, random);
            add(at, EventType.DELIVERED, reply, ReplyText.render(reply, context, at, random));
        }

        /** @param receiver whose wording: the recipient's receiver, or the sending MTA when it gives up itself */
        void bounce(long at, String receiver, String reason) {
            Reply reply = catalogue.pick(receiver, reason, EventType.BOUNCED, random);
            add(at, EventType.BOUNCED, reply, ReplyText.render(reply, context, at, random));
        }

        /** A bounce that arrives by mail after the delivery: from the server behind a gateway, or an auto-responder. */
        void returnedBounce(long at, String receiver, String reason) {
            Reply reply = catalogue.pick(receiver, reason, EventType.BOUNCED, random);
            add(at, EventType.BOUNCED, reply, ReplyText.render(reply, context, at, random), true);
        }

        /** Logs up to {@code count} deferrals with growing waits; @return when the next attempt happens. */
        long defer(long at, int count, String receiver, String reason) {
            Reply reply = catalogue.pick(receiver, reason, EventType.DEFERRED, random);
            String diagnostic = ReplyText.render(reply, context, at, random);
            for (int i = 0; i < count && at < sentAt + LIFETIME_SECONDS; i++) {
                add(at, EventType.DEFERRED, reply, diagnostic);
                at += (long) (RETRY_WAITS[Math.min(i, RETRY_WAITS.length - 1)] * (0.8 + 0.4 * random.nextDouble()));
            }
            return at;
        }

        MessageLife finish() {
            events.sort(Comparator.comparingLong(MessageLife.Event::at));
            return new MessageLife(campaign, messageId, recipient, sentAt, List.copyOf(events));
        }
    }
}
