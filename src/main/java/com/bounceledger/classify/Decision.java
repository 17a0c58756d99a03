package com.bounceledger.classify;

/**
 * What decided a reply, before the context adjusts it, with its two possible results made once (the group
 * of notaccept depends on whether the reply was temporary), so a classification allocates nothing.
 */
final class Decision {

    private final Reason reason;
    private final String label;
    private final DecisionSource source;
    private final Classification permanent;
    private final Classification temporary;

    Decision(Reason reason, String label, DecisionSource source) {
        this.reason = reason;
        this.label = label;
        this.source = source;
        this.permanent = new Classification(reason, reason.groupFor(false), label);
        this.temporary = new Classification(reason, reason.groupFor(true), label);
    }

    Reason reason() {
        return reason;
    }

    String label() {
        return label;
    }

    DecisionSource source() {
        return source;
    }

    Classification result(boolean temporaryReply) {
        return temporaryReply ? temporary : permanent;
    }
}
