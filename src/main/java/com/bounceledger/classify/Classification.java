package com.bounceledger.classify;

/** Interim copy of the contract; replaced by the classifier branch. */
public record Classification(Reason reason, BounceGroup group, String rule) {
    public boolean isBounce() {
        return group != BounceGroup.NONE;
    }

    public boolean isComplaint() {
        return reason == Reason.FEEDBACK;
    }
}
