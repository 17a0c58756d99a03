package com.bounceledger.classify;

import java.util.Set;

/**
 * Changes a reason when the context says the words meant something else, e.g. "user unknown" given
 * after DATA is a content filter speaking, not a missing mailbox. Never applied to receiver rules.
 * A null condition set means "any".
 *
 * @param subjects bit set of the status subjects (X.<subject>.Z) that qualify, bit {@link #NO_STATUS} for
 *                 "no status code"; -1 for any
 * @param temporary required temporariness of the reply, or null for either
 */
record AdjustRule(Reason from, Reason to, Set<Stage> stages, Set<DecisionSource> sources,
                  long subjects, Boolean temporary, String label) {

    static final int NO_STATUS = 63;

    boolean applies(Reason reason, Stage stage, DecisionSource source, int status, boolean temporaryReply) {
        return reason == from
                && (stages == null || stages.contains(stage))
                && (sources == null || sources.contains(source))
                && (subjects == -1 || (subjects & 1L << subjectBit(status)) != 0)
                && (temporary == null || temporary == temporaryReply);
    }

    static int subjectBit(int status) {
        return status == StatusCode.NONE ? NO_STATUS : Math.min(StatusCode.subject(status), NO_STATUS - 1);
    }
}
