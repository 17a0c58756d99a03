package com.bounceledger.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the phrases of the rules in a reply, then picks the stage said last, the best receiver rule and
 * the best generic text rule. Latin-script phrases are found by a {@link GramIndex}; phrases in other
 * scripts (Japanese, Russian) by an automaton that runs only on replies that have such characters.
 */
final class TextMatcher {

    /** What the text says; filled per call into the caller's scratch. */
    static final class Findings implements MatchSink {
        int[] phrase = new int[32];
        int[] start = new int[32];
        int[] end = new int[32];
        int count;
        int[] ruleStamp;
        int[] phraseStamp;
        int stamp;
        /** Ids of the best receiver and text rules, -1 for none; ids rather than references keep the
         *  per-reply writes to this long-lived object free of garbage-collector barriers. */
        int receiver;
        int text;
        int stage;
        int stageAt;

        Findings(int ruleCount, int phraseCount) {
            ruleStamp = new int[ruleCount];
            phraseStamp = new int[phraseCount];
        }

        @Override
        public void found(int phraseId, int from, int to) {
            if (count == phrase.length) {
                phrase = Arrays.copyOf(phrase, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            phrase[count] = phraseId;
            start[count] = from;
            end[count] = to;
            count++;
            phraseStamp[phraseId] = stamp;
        }
    }

    private final GramIndex ascii;
    private final PhraseAutomaton unicode;
    private final PhraseRule[] rules;
    private final int[][] rulesByFirstPart;
    private final int[] reasonRank;

    TextMatcher(List<PhraseRule> ruleList, Map<String, Integer> phraseIds, int[] reasonRank) {
        this.rules = ruleList.toArray(new PhraseRule[0]);
        this.reasonRank = reasonRank;
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int i = 0; i < phraseIds.size(); i++) {
            byFirst.add(new ArrayList<>());
        }
        for (PhraseRule rule : rules) {
            byFirst.get(rule.parts()[0]).add(rule.id());
        }
        this.rulesByFirstPart = byFirst.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);

        Map<String, Integer> asciiPhrases = new LinkedHashMap<>();
        Map<String, Integer> otherPhrases = new LinkedHashMap<>();
        phraseIds.forEach((phrase, id) -> (isAscii(phrase) ? asciiPhrases : otherPhrases).put(phrase, id));
        this.ascii = new GramIndex(new ArrayList<>(asciiPhrases.keySet()),
                asciiPhrases.values().stream().mapToInt(Integer::intValue).toArray());
        this.unicode = otherPhrases.isEmpty() ? null : automaton(otherPhrases);
    }

    int ruleCount() {
        return rules.length;
    }

    PhraseRule rule(int id) {
        return rules[id];
    }

    int phraseCount() {
        return rulesByFirstPart.length;
    }

    String describeSize() {
        return rules.length + " phrase rules"
                + (unicode == null ? "" : "; non-ASCII automaton " + unicode.stateCount() + " states x " + unicode.classCount() + " classes");
    }

    /** Reads a diagnostic into {@code reply} and collects every phrase occurrence into {@code findings}. */
    void read(String diagnostic, ReplyText reply, Findings findings) {
        findings.count = 0;
        if (++findings.stamp == 0) {
            Arrays.fill(findings.ruleStamp, 0);
            Arrays.fill(findings.phraseStamp, 0);
            findings.stamp = 1;
        }
        reply.read(diagnostic);
        ascii.scan(reply.chars, reply.length, findings);
        if (reply.nonAscii && unicode != null) {
            unicode.scan(reply.chars, reply.length, findings);
        }
    }

    /**
     * Picks the stage, the best receiver rule and the best text rule among the phrases found.
     *
     * @param failure the reply carries a 4xx/5xx code: auto-reply and feedback phrases are then ignored,
     *                because a reply with a failure code is a bounce whatever it quotes
     */
    void judge(boolean failure, Findings findings) {
        findings.receiver = -1;
        findings.text = -1;
        findings.stage = Stage.NONE.ordinal();
        findings.stageAt = -1;
        for (int m = 0; m < findings.count; m++) {
            for (int ruleId : rulesByFirstPart[findings.phrase[m]]) {
                consider(rules[ruleId], m, failure, findings);
            }
        }
    }

    private void consider(PhraseRule rule, int match, boolean failure, Findings findings) {
        int[] parts = rule.parts();
        if (rule.kind() == PhraseRule.Kind.STAGE && parts.length == 1) {
            // the stage said last is the command that failed (transcripts list the earlier ones too)
            if (findings.start[match] > findings.stageAt) {
                findings.stage = rule.stage().ordinal();
                findings.stageAt = findings.start[match];
            }
            return;
        }
        if (findings.ruleStamp[rule.id()] == findings.stamp) {
            return;
        }
        findings.ruleStamp[rule.id()] = findings.stamp;
        if (parts.length > 1 && !inOrder(parts, findings)) {
            return;
        }
        switch (rule.kind()) {
            case STAGE -> {
                if (findings.start[match] > findings.stageAt) {
                    findings.stage = rule.stage().ordinal();
                    findings.stageAt = findings.start[match];
                }
            }
            case RECEIVER -> {
                if (qualifies(rule, failure) && better(rule, findings.receiver)) {
                    findings.receiver = rule.id();
                }
            }
            case TEXT -> {
                if (qualifies(rule, failure) && better(rule, findings.text)) {
                    findings.text = rule.id();
                }
            }
        }
    }

    private static boolean qualifies(PhraseRule rule, boolean failure) {
        return !(failure && rule.reason().defaultGroup() == BounceGroup.NONE);
    }

    private boolean better(PhraseRule candidate, int bestId) {
        if (bestId < 0) {
            return true;
        }
        PhraseRule best = rules[bestId];
        if (candidate.tier() != best.tier()) {
            return candidate.tier() < best.tier();
        }
        int byReason = Integer.compare(reasonRank[candidate.reason().ordinal()], reasonRank[best.reason().ordinal()]);
        return byReason != 0 ? byReason < 0 : candidate.id() < best.id();
    }

    /** Each part must occur after the end of the previous one. */
    private static boolean inOrder(int[] parts, Findings findings) {
        for (int part : parts) {
            if (findings.phraseStamp[part] != findings.stamp) {
                return false; // a part that does not occur at all: no need to look at positions
            }
        }
        int position = 0;
        for (int part : parts) {
            int bestEnd = Integer.MAX_VALUE;
            for (int m = 0; m < findings.count; m++) {
                if (findings.phrase[m] == part && findings.start[m] >= position && findings.end[m] < bestEnd) {
                    bestEnd = findings.end[m];
                }
            }
            if (bestEnd == Integer.MAX_VALUE) {
                return false;
            }
            position = bestEnd;
        }
        return true;
    }

    private static PhraseAutomaton automaton(Map<String, Integer> phrases) {
        List<String> texts = new ArrayList<>(phrases.keySet());
        int[] ids = phrases.values().stream().mapToInt(Integer::intValue).toArray();
        return new PhraseAutomaton(texts, ids);
    }

    static boolean isAscii(String phrase) {
        for (int i = 0; i < phrase.length(); i++) {
            if (phrase.charAt(i) >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
