package com.bounceledger.ingest;

import java.util.Locale;

/** What happened to one message, in the vocabulary of the canonical delivery log (SPEC 2.1). */
public enum EventType {
    SENT, DELIVERED, BOUNCED, DEFERRED, OPENED, CLICKED, UNSUBSCRIBED, COMPLAINED;

    private static final EventType[] VALUES = values();

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type named by a canonical log's {@code event} column, or null when unknown. */
    public static EventType fromLabel(String label) {
        EventType usual = switch (label) { // the labels as logs write them: one hash, no case folding
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "bounced" -> BOUNCED;
            case "deferred" -> DEFERRED;
            case "opened" -> OPENED;
            case "clicked" -> CLICKED;
            case "unsubscribed" -> UNSUBSCRIBED;
            case "complained" -> COMPLAINED;
            default -> null;
        };
        if (usual != null) {
            return usual;
        }
        for (EventType type : VALUES) {
            if (type.name().equalsIgnoreCase(label)) {
                return type;
            }
        }
        return null;
    }

    public static EventType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
