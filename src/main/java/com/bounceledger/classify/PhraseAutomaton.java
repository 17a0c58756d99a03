package com.bounceledger.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick matching of many literal phrases in one pass over the text, compiled to a DFA over
 * character classes (only characters that occur in some phrase get a class of their own), so each
 * character of a reply costs two array reads whatever the number of rules.
 */
final class PhraseAutomaton {

    /** Receives every occurrence: phrase id and the [start, end) span in the text. */
    interface MatchSink {
        void found(int phraseId, int start, int end);
    }

    private final char[] classOf = new char[0x10000];
    private final int classCount;
    private final int[] next;
    private final int[][] outputs;
    private final int[] phraseLengths;
    private final int[] phraseIds;

    /** @param phrases the phrases, in matching form; {@code ids[i]} is reported for {@code phrases[i]} */
    PhraseAutomaton(List<String> phrases, int[] ids) {
        this.phraseIds = ids.clone();
        this.phraseLengths = new int[phrases.size()];
        int classes = 1;
        for (String phrase : phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (char) classes++;
                }
            }
        }
        this.classCount = classes;

        List<int[]> gotoRows = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        gotoRows.add(newRow());
        own.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            phraseLengths[p] = phrase.length();
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int cls = classOf[phrase.charAt(i)];
                int target = gotoRows.get(state)[cls];
                if (target < 0) {
                    target = gotoRows.size();
                    gotoRows.add(newRow());
                    own.add(new ArrayList<>());
                    gotoRows.get(state)[cls] = target;
                }
                state = target;
            }
            own.get(state).add(p);
        }

        int states = gotoRows.size();
        this.next = new int[states * classCount];
        int[] fail = new int[states];
        this.outputs = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] root = gotoRows.get(0);
        for (int cls = 0; cls < classCount; cls++) {
            int target = root[cls];
            if (target < 0) {
                next[cls] = 0;
            } else {
                next[cls] = target;
                fail[target] = 0;
                queue.add(target);
            }
        }
        outputs[0] = toArray(own.get(0));
        while (!queue.isEmpty()) {
            int state = queue.poll();
            outputs[state] = merge(own.get(state), outputs[fail[state]]);
            int[] row = gotoRows.get(state);
            for (int cls = 0; cls < classCount; cls++) {
                int target = row[cls];
                if (target < 0) {
                    next[state * classCount + cls] = next[fail[state] * classCount + cls];
                } else {
                    next[state * classCount + cls] = target;
                    fail[target] = next[fail[state] * classCount + cls];
                    queue.add(target);
                }
            }
        }
    }

    int stateCount() {
        return outputs.length;
    }

    int classCount() {
        return classCount;
    }

    void scan(char[] text, int length, MatchSink sink) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = next[state * classCount + classOf[text[i]]];
            int[] found = outputs[state];
            if (found != null) {
                for (int p : found) {
                    sink.found(phraseIds[p], i + 1 - phraseLengths[p], i + 1);
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[classCount];
        java.util.Arrays.fill(row, -1);
        return row;
    }

    private static int[] toArray(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] merge(List<Integer> own, int[] inherited) {
        if (own.isEmpty()) {
            return inherited;
        }
        Map<Integer, Boolean> seen = new HashMap<>();
        List<Integer> all = new ArrayList<>(own);
        own.forEach(p -> seen.put(p, true));
        if (inherited != null) {
            for (int p : inherited) {
                if (seen.putIfAbsent(p, true) == null) {
                    all.add(p);
                }
            }
        }
        return toArray(all);
    }
}
