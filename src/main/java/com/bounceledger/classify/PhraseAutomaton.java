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

    /** Beyond this many states the table needs four bytes an entry instead of two. */
    private static final int NARROW_STATES = 0x8000;

    private final char[] classOf = new char[0x10000];
    private final int classCount;
    /** log2 of the row width: rows are padded to a power of two so a row starts at state << shift. */
    private final int shift;
    /**
     * The DFA, row per state: the entry for a class is the next state, with the top bit set when
     * phrases end there. States are numbered breadth-first so the shallow states, where a scan spends
     * most of its time, share cache lines. Two bytes an entry while the states fit (keeps the table in
     * cache), else four.
     */
    private final char[] narrow;
    private final int[] wide;
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

        this.shift = 32 - Integer.numberOfLeadingZeros(classCount - 1);
        boolean fits = states < NARROW_STATES;
        this.narrow = fits ? new char[states << shift] : null;
        this.wide = fits ? null : new int[states << shift];
        this.outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            outputs[state] = found[order[state]];
            for (int cls = 0; cls < classCount; cls++) {
                int target = step(trie, fail, order[state], cls);
                int entry = renamed[target];
                if (fits) {
                    narrow[(state << shift) + cls] = (char) (found[target] != null ? entry | NARROW_STATES : entry);
                } else {
                    wide[(state << shift) + cls] = found[target] != null ? entry | Integer.MIN_VALUE : entry;
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

    /** The state a scan starts in. */
    static int start() {
        return 0;
    }

    /**
     * One step of a scan: the state after {@code c}, which is the character at {@code position}; phrases
     * ending there are reported to the sink.
     */
    int next(int state, char c, int position, MatchSink sink) {
        int at = (state << shift) + classOf[c];
        int target;
        boolean ends;
        if (narrow != null) {
            target = narrow[at];
            ends = target >= NARROW_STATES;
            target &= NARROW_STATES - 1;
        } else {
            target = wide[at];
            ends = target < 0;
            target &= Integer.MAX_VALUE;
        }
        if (ends) {
            for (int p : outputs[target]) {
                sink.found(phraseIds[p], position + 1 - phraseLengths[p], position + 1);
            }
        }
        return target;
    }

    void scan(char[] text, int length, MatchSink sink) {
        int state = start();
        for (int i = 0; i < length; i++) {
            state = next(state, text[i], i, sink);
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
