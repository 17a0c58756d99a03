package com.bounceledger.classify;

import java.util.Set;

/**
 * Changes a reason when the context says the words meant something else, e.g. "user unknown" given
 * after DATA is a content filter speaking, not a missing mailbox. Never applied to receiver rules.
 * A null condition set means "any".
 *
 * @param subjects status subject digits (X.<subject>.Z) that qualify; -1 stands for "no status code"
 * @param temporary required temporariness of the reply, or null for either
 */
record AdjustRule(Reason from, Reason to, Set<Stage> stages, Set<DecisionSource> sources,
                  Set<Integer> subjects, Boolean temporary, String label) {

    boolean applies(Reason reason, Stage stage, DecisionSource source, int status, boolean temporaryReply) {
        return reason == from
                && (stages == null || stages.contains(stage))
                && (sources == null || sources.contains(source))
                && (subjects == null || subjects.contains(status == StatusCode.NONE ? -1 : StatusCode.subject(status)))
                && (temporary == null || temporary == temporaryReply);
    }
}
