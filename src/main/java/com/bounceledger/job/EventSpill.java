package com.bounceledger.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

/**
 * The binary form of a classified event in a spill file: only what settlement reads. The reply code, enhanced status
 * and remote host served classification, which ingest has done; the reply text is kept for the events whose reply
 * the report and the audit trail show (bounces, deferrals, complaints). Dropping the rest took the fourth
 * 10M-message night's spill from 4.16 to 3.75 GB, and the first night's settle from 21.7 and 21.4 s to 19.2 s
 * (the generated days' other events carry no reply text: the three fields made the difference there).
 */
final class EventSpill {

    /** The layout below; a change to it takes a new number (see {@link SpillFormat}). */
    static final int FORMAT = 2;

    /** Diagnostics are kept to what the report and the audit trail show. */
    static final int MAX_DIAGNOSTIC = 1000;

    /** Set in the type byte for an MTA's delivery attempt (see {@link DeliveryEvent#attempt()}). */
    private static final int ATTEMPT = 0x80;

    private static final Reason[] REASONS = Reason.values();
    private static final BounceGroup[] GROUPS = BounceGroup.values();

    private EventSpill() {
    }

    /** @param classification the event's, or null for an event that is neither a bounce nor a deferral */
    static void write(SpillBatch out, DeliveryEvent event, Classification classification) {
        out.writeByte(event.type().ordinal() | (event.attempt() ? ATTEMPT : 0));
        out.writeLong(event.timestamp().toEpochMilli());
        out.writeString(event.account());
        out.writeString(event.campaign());
        out.writeString(event.messageId());
        out.writeString(event.recipient());
        String diagnostic = showsReply(event.type()) ? event.diagnostic() : null;
        out.writeString(diagnostic == null || diagnostic.length() <= MAX_DIAGNOSTIC
                ? diagnostic : diagnostic.substring(0, MAX_DIAGNOSTIC));
        if (classification == null) {
            out.writeByte(0);
        } else {
            out.writeByte(classification.reason().ordinal() + 1);
            out.writeByte(classification.group().ordinal());
        }
        out.endEvent(AddressHash.of(event.recipient()));
    }

    private static boolean showsReply(EventType type) {
        return type == EventType.BOUNCED || type == EventType.DEFERRED || type == EventType.COMPLAINED;
    }

    /** Passes on the events as settlement sees them: without the reply code, enhanced status and remote host. */
    static void readAll(Path file, Consumer<ClassifiedEvent> sink) throws IOException {
        RecentStrings accounts = new RecentStrings();
        RecentStrings campaigns = new RecentStrings();
        try (SpillFileReader in = new SpillFileReader(file)) {
            for (int type; (type = in.readByteOrEnd()) >= 0; ) {
                DeliveryEvent event = new DeliveryEvent(
                        Instant.ofEpochMilli(in.readLong()),
                        in.readString(accounts), in.readString(campaigns), in.readString(), in.readString(),
                        EventType.ofOrdinal(type & ~ATTEMPT),
                        null, null, in.readString(), null, null, (type & ATTEMPT) != 0);
                int reason = in.readByte();
                Classification classification = reason == 0 ? null
                        : new Classification(REASONS[reason - 1], GROUPS[in.readByte()], null);
                sink.accept(new ClassifiedEvent(event, classification));
            }
        }
    }
}
