package com.bounceledger.classify;

/**
 * The outcome of classifying one reply.
 *
 * @param reason why the message bounced (or {@link Reason#VACATION} / {@link Reason#FEEDBACK})
 * @param group  hard, soft, block, or none for replies that are not bounces
 * @param rule   the rule that decided, for operators, e.g. {@code status:5.1.1} or
 *               {@code text:userunknown#12 (rules.txt:87)}
 */
public record Classification(Reason reason, BounceGroup group, String rule) {

    public boolean isBounce() {
        return group != BounceGroup.NONE;
    }

    public boolean isComplaint() {
        return reason == Reason.FEEDBACK;
    }
}
