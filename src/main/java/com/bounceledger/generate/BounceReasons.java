package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;

import java.util.Map;

/** The group each intended reason belongs to (SPEC section 3), for the generator's truth counts. */
final class BounceReasons {

    static final String VACATION = "vacation";

    private static final Map<String, BounceGroup> GROUPS = Map.ofEntries(
            Map.entry("userunknown", BounceGroup.HARD),
            Map.entry("hostunknown", BounceGroup.HARD),
            Map.entry("hasmoved", BounceGroup.HARD),
            Map.entry("mailboxfull", BounceGroup.SOFT),
            Map.entry("suspend", BounceGroup.SOFT),
            Map.entry("systemerror", BounceGroup.SOFT),
            Map.entry("systemfull", BounceGroup.SOFT),
            Map.entry("networkerror", BounceGroup.SOFT),
            Map.entry("toomanyconn", BounceGroup.SOFT),
            Map.entry("speeding", BounceGroup.SOFT),
            Map.entry("expired", BounceGroup.SOFT),
            Map.entry("blocked", BounceGroup.BLOCK),
            Map.entry("badreputation", BounceGroup.BLOCK),
            Map.entry("requireptr", BounceGroup.BLOCK),
            Map.entry("spamdetected", BounceGroup.BLOCK),
            Map.entry("filtered", BounceGroup.BLOCK),
            Map.entry("policyviolation", BounceGroup.BLOCK),
            Map.entry("authfailure", BounceGroup.BLOCK),
            Map.entry(VACATION, BounceGroup.NONE));

    private BounceReasons() {
    }

    static BounceGroup groupOf(String reason) {
        BounceGroup group = GROUPS.get(reason);
        if (group == null) {
            throw new IllegalArgumentException("reason without a group: " + reason);
        }
        return group;
    }

    static boolean isKnown(String reason) {
        return GROUPS.containsKey(reason);
    }
}
