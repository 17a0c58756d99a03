package com.bounceledger.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many ASCII phrases with one cheap test per character: each phrase is keyed by its least common
 * four characters; a scan slides a four-character window, kept in an int, over the text and looks it up
 * in a small bit filter that stays in cache. Only filter hits are checked against the phrases. Unlike an
 * automaton walk, the work for one character does not wait on the previous character's memory load.
 */
final class GramIndex {

    static final int MIN_LENGTH = 4;
    private static final int FILTER_BITS = 16;
    /** Words nearly every reply uses: a key inside one of them would send most replies to the check. */
    private static final String EVERYDAY_REPLY_WORDS = " smtp esmtp mail e-mail email recipient recipients address"
            + " command https:// http:// www. .com .net .org unable reply rejected rejecting rcpt message messages"
            + " connection mailbox from exist exists server service services invalid unknown request requested"
            + " temporary temporarily error errors quota destination account postmaster domain delivery delivered"
            + " deliver policy sender sending spam status user users please information the and for not has been"
            + " was this that with your you host said denied access action taken failed failure permanent ";
    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private final int slotShift;
    private final int[] keys;
    private final int[][] candidates;
    private final char[][] phrases;
    private final int[] phraseIds;

    /**
     * @param phrases ASCII phrases of at least {@link #MIN_LENGTH} characters
     * @param ids     {@code ids[i]} is reported for {@code phrases[i]}
     */
    GramIndex(List<String> phrases, int[] ids) {
        this.phrases = phrases.stream().map(String::toCharArray).toArray(char[][]::new);
        this.phraseIds = ids.clone();
        Map<Integer, List<Integer>> byKey = new HashMap<>();
        for (int p = 0; p < this.phrases.length; p++) {
            char[] phrase = this.phrases[p];
            int keyEnd = cheapestWindowEnd(phrase, byKey);
            byKey.computeIfAbsent(window(phrase, keyEnd), k -> new ArrayList<>()).addAll(List.of(p, keyEnd));
        }
        int size = Integer.highestOneBit(Math.max(4, byKey.size() * 4));
        this.slotShift = 32 - Integer.numberOfTrailingZeros(size);
        this.keys = new int[size];
        this.candidates = new int[size][];
        byKey.forEach((key, pairs) -> {
            setBit(key);
            int slot = slot(key);
            while (candidates[slot] != null) {
                slot = (slot + 1) & (keys.length - 1);
            }
            keys[slot] = key;
            candidates[slot] = pairs.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** Reports every occurrence of the phrases in {@code text[0, length)}. */
    void scan(char[] text, int length, PhraseAutomaton.MatchSink sink) {
        long[] bits = filter;
        int window = 0;
        for (int i = 0; i < length; i++) {
            window = shiftIn(window, text[i]);
            int bit = bit(window);
            if ((bits[bit >>> 6] & 1L << bit) != 0) {
                verify(window, i, text, length, sink);
            }
        }
    }

    /** Checks the phrases keyed by the window ending at {@code at} and reports the ones present. */
    private void verify(int key, int at, char[] text, int length, PhraseAutomaton.MatchSink sink) {
        int slot = slot(key);
        while (candidates[slot] != null) {
            if (keys[slot] == key) {
                int[] pairs = candidates[slot];
                for (int i = 0; i < pairs.length; i += 2) {
                    char[] phrase = phrases[pairs[i]];
                    int start = at - pairs[i + 1];
                    if (start >= 0 && start + phrase.length <= length && equalAt(text, start, phrase)) {
                        sink.found(phraseIds[pairs[i]], start, start + phrase.length);
                    }
                }
                return;
            }
            slot = (slot + 1) & (keys.length - 1);
        }
    }

    /** The window after a character: ASCII as is, anything else as 0, which no phrase contains. */
    private static int shiftIn(int window, char c) {
        return window << 8 | (c < 0x7F ? c : 0);
    }

    private static boolean equalAt(char[] text, int start, char[] phrase) {
        for (int i = 0; i < phrase.length; i++) {
            if (text[start + i] != phrase[i]) {
                return false;
            }
        }
        return true;
    }

    /** Top bits of the product: every character of the key counts (the low bits would ignore the first). */
    private int slot(int key) {
        return key * 0x9E3779B1 >>> slotShift;
    }

    private static int bit(int window) {
        return window * 0x9E3779B1 >>> (32 - FILTER_BITS);
    }

    private void setBit(int window) {
        int bit = bit(window);
        filter[bit >>> 6] |= 1L << bit;
    }

    private static int window(char[] phrase, int end) {
        int window = 0;
        for (int i = end - 3; i <= end; i++) {
            window = shiftIn(window, phrase[i]);
        }
        return window;
    }

    /**
     * The end of the key window that should cost least: a window is checked as often as it occurs in
     * replies (estimated from how common its characters are, and very often if it is part of a word
     * nearly every reply uses) and then costs one comparison per phrase sharing it.
     */
    private static int cheapestWindowEnd(char[] phrase, Map<Integer, List<Integer>> keysSoFar) {
        int bestEnd = phrase.length - 1;
        double bestCost = Double.MAX_VALUE;
        for (int end = 3; end < phrase.length; end++) {
            int commonness = 0;
            for (int i = end - 3; i <= end; i++) {
                commonness += commonness(phrase[i]);
            }
            double frequency = Math.pow(2, commonness / 6.0)
                    * (EVERYDAY_REPLY_WORDS.contains(new String(phrase, end - 3, 4)) ? 64 : 1);
            List<Integer> sharing = keysSoFar.get(window(phrase, end));
            double cost = frequency * (1 + (sharing == null ? 0 : sharing.size() / 2));
            if (cost < bestCost) {
                bestCost = cost;
                bestEnd = end;
            }
        }
        return bestEnd;
    }

    private static int commonness(char c) {
        return switch (c) {
            case ' ' -> 12;
            case 'e' -> 10;
            case 't', 'a', 'o' -> 8;
            case 'i', 'n', 's', 'r' -> 7;
            case 'h', 'l', 'd' -> 5;
            case 'c', 'u', 'm', '.' -> 4;
            case 'f', 'p', 'g', 'w', 'y', 'b', ',', ':' -> 2;
            case 'v', 'k', '-', '/' -> 1;
            default -> 0;
        };
    }
}
