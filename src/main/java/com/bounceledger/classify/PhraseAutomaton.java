package com.bounceledger.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick matching of many literal phrases in one pass over the text, compiled to a DFA over
 * character classes (only characters that occur in some phrase get a class of their own). Used for the
 * phrases in other scripts (Japanese, Russian), which a {@link GramIndex} cannot key.
 */
final class PhraseAutomaton {

    private final char[] classOf = new char[0x10000];
    private final int classCount;
    /** The DFA, a row of next states per state; the sign bit marks states where phrases end. */
    private final int[] table;
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

        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        trie.add(newRow());
        own.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            phraseLengths[p] = phrase.length();
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int cls = classOf[phrase.charAt(i)];
                int target = trie.get(state)[cls];
                if (target < 0) {
                    target = trie.size();
                    trie.add(newRow());
                    own.add(new ArrayList<>());
                    trie.get(state)[cls] = target;
                }
                state = target;
            }
            own.get(state).add(p);
        }

        // breadth-first: failure links and outputs, and the new numbering
        int states = trie.size();
        int[] fail = new int[states];
        int[][] found = new int[states][];
        int[] order = new int[states];
        int[] renamed = new int[states];
        int visited = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            renamed[state] = visited;
            order[visited++] = state;
            found[state] = state == 0 ? null : merge(own.get(state), found[fail[state]]);
            int[] row = trie.get(state);
            for (int cls = 0; cls < classCount; cls++) {
                int child = row[cls];
                if (child >= 0) {
                    fail[child] = state == 0 ? 0 : step(trie, fail, fail[state], cls);
                    queue.add(child);
                }
            }
        }

        this.table = new int[states * classCount];
        this.outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            outputs[state] = found[order[state]];
            for (int cls = 0; cls < classCount; cls++) {
                int target = step(trie, fail, order[state], cls);
                table[state * classCount + cls] = found[target] != null ? renamed[target] | Integer.MIN_VALUE : renamed[target];
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
            int target = table[state * classCount + classOf[text[i]]];
            if (target < 0) {
                target &= Integer.MAX_VALUE;
                for (int p : outputs[target]) {
                    sink.found(phraseIds[p], i + 1 - phraseLengths[p], i + 1);
                }
            }
            state = target;
        }
    }

    /** The DFA transition of a trie state, computed along failure links (for construction only). */
    private static int step(List<int[]> trie, int[] fail, int state, int cls) {
        int s = state;
        while (true) {
            int target = trie.get(s)[cls];
            if (target >= 0) {
                return target;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
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
