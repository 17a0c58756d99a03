package com.bounceledger.classify;

import java.util.Set;

/**
 * What an enhanced status code says.
 *
 * @param decides    the code is precise: it decides unless a text phrase of one of {@code yieldsTo}
 *                   matches; otherwise it only decides when neither text nor hint speak
 * @param yieldsTo   reasons whose generic phrases win over this code
 */
record StatusRule(String key, Reason reason, boolean decides, Set<Reason> yieldsTo) {

    boolean yieldsTo(Reason textReason) {
        return yieldsTo.contains(textReason);
    }
}
