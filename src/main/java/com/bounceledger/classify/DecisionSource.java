package com.bounceledger.classify;

import java.util.Locale;

/** What decided a classification, in the order the classifier consults them. */
enum DecisionSource {
    /** A receiver's or gateway's own wording: final. */
    RECEIVER,
    /** A precise enhanced status code, or a vague one when nothing else spoke. */
    STATUS,
    /** A generic phrase of the diagnostic text. */
    TEXT,
    /** The MTA's own bounce category. */
    HINT,
    /** The three-digit reply code alone. */
    REPLY,
    /** Nothing usable: onhold or undefined. */
    DEFAULT;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionSource fromLabel(String label) {
        for (DecisionSource source : values()) {
            if (source.label().equals(label)) {
                return source;
            }
        }
        return null;
    }
}
