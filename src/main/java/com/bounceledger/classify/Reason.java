package com.bounceledger.classify;

import java.util.Locale;

/** Interim copy of the contract; replaced by the classifier branch. */
public enum Reason {
    USERUNKNOWN(BounceGroup.HARD), HOSTUNKNOWN(BounceGroup.HARD), HASMOVED(BounceGroup.HARD), NOTACCEPT(BounceGroup.HARD),
    MAILBOXFULL(BounceGroup.SOFT), EXPIRED(BounceGroup.SOFT), UNDEFINED(BounceGroup.SOFT),
    BLOCKED(BounceGroup.BLOCK), SPAMDETECTED(BounceGroup.BLOCK),
    VACATION(BounceGroup.NONE), FEEDBACK(BounceGroup.NONE);

    private final BounceGroup group;

    Reason(BounceGroup group) {
        this.group = group;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public BounceGroup group() {
        return group;
    }

    public static Reason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
