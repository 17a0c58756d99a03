package com.bounceledger.classify;

import java.util.Locale;

/**
 * Why a message bounced, in the vocabulary of the Sisimai bounce parser (SPEC section 3), so results
 * can be compared with other tools. Each reason has a default {@link BounceGroup}.
 */
public enum Reason {
    USERUNKNOWN(BounceGroup.HARD),
    HOSTUNKNOWN(BounceGroup.HARD),
    HASMOVED(BounceGroup.HARD),
    /** The host accepts no mail at all; soft when the reply is temporary. */
    NOTACCEPT(BounceGroup.HARD),
    MAILBOXFULL(BounceGroup.SOFT),
    EXCEEDLIMIT(BounceGroup.SOFT),
    MESGTOOBIG(BounceGroup.SOFT),
    SUSPEND(BounceGroup.SOFT),
    SYSTEMERROR(BounceGroup.SOFT),
    SYSTEMFULL(BounceGroup.SOFT),
    NETWORKERROR(BounceGroup.SOFT),
    TOOMANYCONN(BounceGroup.SOFT),
    SPEEDING(BounceGroup.SOFT),
    EXPIRED(BounceGroup.SOFT),
    MAILERERROR(BounceGroup.SOFT),
    SYNTAXERROR(BounceGroup.SOFT),
    ONHOLD(BounceGroup.SOFT),
    UNDEFINED(BounceGroup.SOFT),
    BLOCKED(BounceGroup.BLOCK),
    BADREPUTATION(BounceGroup.BLOCK),
    REQUIREPTR(BounceGroup.BLOCK),
    SPAMDETECTED(BounceGroup.BLOCK),
    VIRUSDETECTED(BounceGroup.BLOCK),
    CONTENTERROR(BounceGroup.BLOCK),
    NOTCOMPLIANTRFC(BounceGroup.BLOCK),
    FILTERED(BounceGroup.BLOCK),
    POLICYVIOLATION(BounceGroup.BLOCK),
    AUTHFAILURE(BounceGroup.BLOCK),
    SECURITYERROR(BounceGroup.BLOCK),
    REJECTED(BounceGroup.BLOCK),
    NORELAYING(BounceGroup.BLOCK),
    FAILEDSTARTTLS(BounceGroup.BLOCK),
    /** An out-of-office or other auto-reply: not a bounce. */
    VACATION(BounceGroup.NONE),
    /** A feedback-loop (ARF abuse) report: a complaint, not a bounce. */
    FEEDBACK(BounceGroup.NONE);

    private final BounceGroup defaultGroup;
    private final String code;

    Reason(BounceGroup defaultGroup) {
        this.defaultGroup = defaultGroup;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The lowercase Sisimai name, e.g. {@code userunknown}. */
    public String code() {
        return code;
    }

    public BounceGroup defaultGroup() {
        return defaultGroup;
    }

    /** The group of this reason for a reply that was temporary (4xx) or not. */
    public BounceGroup groupFor(boolean temporaryReply) {
        return this == NOTACCEPT && temporaryReply ? BounceGroup.SOFT : defaultGroup;
    }

    /** The reason named by a Sisimai code, case-insensitive; null when there is none. */
    public static Reason fromCode(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.trim();
        for (Reason reason : values()) {
            if (reason.code.equalsIgnoreCase(wanted)) {
                return reason;
            }
        }
        return null;
    }
}
