package com.bounceledger.classify;

import java.nio.file.Path;

/** Interim copy of the contract; replaced by the classifier branch. */
public final class BounceClassifier {
    public static BounceClassifier builtIn() {
        return new BounceClassifier();
    }

    public static BounceClassifier load(Path operatorRules) {
        return new BounceClassifier();
    }

    public Classification classify(String smtpCode, String enhancedStatus, String diagnostic, String hint) {
        if (enhancedStatus != null && enhancedStatus.startsWith("5.1.")) {
            return new Classification(Reason.USERUNKNOWN, BounceGroup.HARD, "interim");
        }
        if (enhancedStatus != null && enhancedStatus.startsWith("5.7.")) {
            return new Classification(Reason.BLOCKED, BounceGroup.BLOCK, "interim");
        }
        return new Classification(Reason.UNDEFINED, BounceGroup.SOFT, "interim");
    }
}
