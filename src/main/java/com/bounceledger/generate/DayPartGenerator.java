package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.ingest.DeliveryEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes one file of a day: the events whose time falls in the file's window, from the messages of
 * the day and of the day before (late outcomes, next-day opens). Rows are grouped by message, each
 * message's rows in time order; messages come in the send order of their campaigns, campaigns in
 * order of their start, the previous day's first. Rows are therefore not globally time-sorted.
 */
final class DayPartGenerator {

    /** SPEC 4.4's default, which the truth assumes the job runs with. */
    private static final Duration PENDING_EXPIRY = Duration.ofHours(72);

    private final DeliverySimulation simulation;
    private final LogFormat format;
    private final long epochDay;
    private final long from;
    private final long to;

    /** @param from first epoch second of the window; @param to the epoch second after it */
    DayPartGenerator(DeliverySimulation simulation, LogFormat format, long epochDay, long from, long to) {
        this.simulation = simulation;
        this.format = format;
        this.epochDay = epochDay;
        this.from = from;
        this.to = to;
    }

    DayTruth write(LogWriter writer, BadRows badRows) throws IOException {
        DayTruth truth = new DayTruth();
        try {
            if (epochDay > simulation.startEpochDay()) {
                simulation.forEachMessage(epochDay - 1, from, to, life -> emit(life, writer, badRows, truth));
            }
            simulation.forEachMessage(epochDay, from, to, life -> emit(life, writer, badRows, truth));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        countPendingExpiries(truth);
        return truth;
    }

    /**
     * Counts the messages that a job run every day turns into soft bounces {@code expired} in this window (SPEC
     * 4.4): those whose first event in the files lies {@link #PENDING_EXPIRY} before it and that none of their
     * events in the files settles. A message's events all happen within {@link MessageSimulator#LIFETIME_SECONDS}
     * of its send, well before its expiry, so it is replayed from the day it was sent on.
     */
    private void countPendingExpiries(DayTruth truth) {
        long firstFrom = from - PENDING_EXPIRY.toSeconds();
        long firstTo = to - PENDING_EXPIRY.toSeconds();
        long lastSendDay = Math.floorDiv(firstTo - 1, 86_400);
        long firstSendDay = Math.max(simulation.startEpochDay(),
                Math.floorDiv(firstFrom - MessageSimulator.LIFETIME_SECONDS, 86_400));
        for (long sendDay = firstSendDay; sendDay <= lastSendDay; sendDay++) {
            simulation.forEachMessage(sendDay, firstFrom, firstTo, life -> {
                long firstShown = firstShownAt(life);
                if (firstShown >= firstFrom && firstShown < firstTo && neverSettled(life)) {
                    truth.countPendingExpiry();
                }
            });
        }
    }

    /** @return when the first event in the files happened, or {@code Long.MIN_VALUE} when none is */
    private long firstShownAt(MessageLife life) {
        for (MessageLife.Event event : life.events()) {
            if (inFiles(life, event)) {
                return event.at();
            }
        }
        return Long.MIN_VALUE;
    }

    /** No delivery, open, click or failing bounce in the files: the job keeps the message pending. */
    private boolean neverSettled(MessageLife life) {
        for (MessageLife.Event event : life.events()) {
            if (!inFiles(life, event)) {
                continue;
            }
            boolean settles = switch (event.type()) {
                case DELIVERED, OPENED, CLICKED -> true;
                case BOUNCED -> BounceReasons.groupOf(event.reason()) != BounceGroup.NONE;
                default -> false;
            };
            if (settles) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the message's events (those the format shows) in this window and counts them. A message
     * counts once per event type in the day, in the file holding its first such event of the day, so
     * the day's files together count each message once whichever file its events land in.
     */
    private void emit(MessageLife life, LogWriter writer, BadRows badRows, DayTruth truth) {
        long dayStart = epochDay * 86_400;
        long dayEnd = dayStart + 86_400;
        int typesSeenToday = 0;
        boolean firstEventToday = true;
        countFirstSeen(life, truth);
        for (MessageLife.Event event : life.events()) {
            if (event.at() < dayStart || event.at() >= dayEnd || !format.shows(event.type(), event.returnedLater())) {
                continue;
            }
            int typeBit = 1 << event.type().ordinal();
            boolean firstOfType = (typesSeenToday & typeBit) == 0;
            boolean late = firstEventToday && life.sentAt() < dayStart;
            typesSeenToday |= typeBit;
            firstEventToday = false;
            if (event.at() < from || event.at() >= to) {
                continue;
            }
            GeneratedEvent generated = generated(life, event);
            try {
                int rows = writer.write(generated);
                truth.countRows(rows);
                truth.countEvent(life.campaign().account().name(), event.type(), event.reason(), firstOfType, late);
                BrokenRow broken = badRows.afterGoodRows(rows);
                if (broken != null) {
                    truth.countBadRows(writer.writeBroken(generated, broken));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Counts the message when the first of its events this format shows lies in this file. */
    private void countFirstSeen(MessageLife life, DayTruth truth) {
        for (MessageLife.Event event : life.events()) {
            if (format.shows(event.type(), event.returnedLater())) {
                if (event.at() >= from && event.at() < to) {
                    truth.countFirstSeen();
                }
                return;
            }
        }
    }

    /**
     * Whether some day's files hold the event: the format shows it, and it happens on the day the message was
     * sent or the next, the only days whose files replay the message (a late event of a message sent in the
     * evening can fall on the day after).
     */
    private boolean inFiles(MessageLife life, MessageLife.Event event) {
        return format.shows(event.type(), event.returnedLater())
                && event.at() < (Math.floorDiv(life.sentAt(), 86_400) + 2) * 86_400;
    }

    private static GeneratedEvent generated(MessageLife life, MessageLife.Event event) {
        Reply reply = event.reply();
        DeliveryEvent deliveryEvent = new DeliveryEvent(Instant.ofEpochSecond(event.at()),
                life.campaign().account().name(), life.campaign().name(), life.messageId(),
                life.recipient().address(), event.type(),
                reply == null ? null : reply.smtpCode(), reply == null ? null : reply.enhancedStatus(),
                event.diagnostic(), event.remoteMta(), null, false);
        return new GeneratedEvent(deliveryEvent, life.sentAt(), event.reason(), event.returnedLater());
    }
}
