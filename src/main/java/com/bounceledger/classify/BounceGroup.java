package com.bounceledger.classify;

import java.util.Locale;

/** What a bounce says: the address is bad (hard), the condition is temporary (soft), or the sender or message was refused (block). */
public enum BounceGroup {
    HARD, SOFT, BLOCK,
    /** Not a bounce at all: an auto-reply or a feedback-loop report. */
    NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
