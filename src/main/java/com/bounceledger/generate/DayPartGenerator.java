package com.bounceledger.generate;

import com.bounceledger.ingest.DeliveryEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one file of a day: the events whose time falls in the file's window, from the messages of
 * the day and of the day before (late outcomes, next-day opens). Rows are grouped by message, each
 * message's rows in time order; messages come in the send order of their campaigns, campaigns in
 * order of their start, the previous day's first. Rows are therefore not globally time-sorted.
 */
final class DayPartGenerator {

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
        return truth;
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
