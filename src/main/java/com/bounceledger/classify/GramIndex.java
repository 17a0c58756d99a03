package com.bounceledger.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
            + " was this that with your you host said denied access action taken failed failure permanent"
            + " in reply to does not available unavailable looks like due to over detected protection"
            + " yahoo google gmail outlook microsoft office365 ";
    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private final int slotShift;
    private final int slotMask;
    /** Open addressing, three ints a slot: key, first candidate, end of candidates (0, 0 when empty). */
    private final int[] slots;
    /** Candidates of one key are contiguous: where the phrase starts in the pool, its length, where its key ends, its id. */
    private final int[] candidateStart;
    private final int[] candidateLength;
    private final int[] candidateKeyEnd;
    private final int[] candidateId;
    /** All phrases' characters, one after the other, so checks read neighbouring memory. */
    private final char[] pool;

    /**
     * @param phrases ASCII phrases of at least {@link #MIN_LENGTH} characters
     * @param ids     {@code ids[i]} is reported for {@code phrases.get(i)}
     */
    GramIndex(List<String> phrases, int[] ids) {
        Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
        int[] keyEnds = new int[phrases.size()];
        for (int p = 0; p < phrases.size(); p++) {
            char[] phrase = phrases.get(p).toCharArray();
            keyEnds[p] = cheapestWindowEnd(phrase, byKey);
            byKey.computeIfAbsent(window(phrase, keyEnds[p]), k -> new ArrayList<>()).add(p);
        }
        int count = phrases.size();
        this.candidateStart = new int[count];
        this.candidateLength = new int[count];
        this.candidateKeyEnd = new int[count];
        this.candidateId = new int[count];
        StringBuilder allChars = new StringBuilder();
        int size = Integer.highestOneBit(Math.max(4, byKey.size() * 4));
        this.slotShift = 32 - Integer.numberOfTrailingZeros(size);
        this.slotMask = size - 1;
        this.slots = new int[size * 3];
        int next = 0;
        for (Map.Entry<Integer, List<Integer>> entry : byKey.entrySet()) {
            int key = entry.getKey();
            setBit(key);
            int slot = slot(key);
            while (slots[slot * 3 + 2] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot * 3] = key;
            slots[slot * 3 + 1] = next;
            for (int p : entry.getValue()) {
                candidateStart[next] = allChars.length();
                candidateLength[next] = phrases.get(p).length();
                candidateKeyEnd[next] = keyEnds[p];
                candidateId[next] = ids[p];
                allChars.append(phrases.get(p));
                next++;
            }
            slots[slot * 3 + 2] = next;
        }
        this.pool = allChars.toString().toCharArray();
    }

    /** Reports every occurrence of the phrases in {@code text[0, length)}. */
    void scan(char[] text, int length, MatchSink sink) {
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
    private void verify(int key, int at, char[] text, int length, MatchSink sink) {
        for (int slot = slot(key); slots[slot * 3 + 2] != 0; slot = (slot + 1) & slotMask) {
            if (slots[slot * 3] == key) {
                for (int c = slots[slot * 3 + 1]; c < slots[slot * 3 + 2]; c++) {
                    int start = at - candidateKeyEnd[c];
                    int phraseLength = candidateLength[c];
                    int poolStart = candidateStart[c];
                    if (start >= 0 && start + phraseLength <= length
                            && Arrays.equals(text, start, start + phraseLength, pool, poolStart, poolStart + phraseLength)) {
                        sink.found(candidateId[c], start, start + phraseLength);
                    }
                }
                return;
            }
        }
    }

    /** The window after a character: ASCII as is, anything else as 0, which no phrase contains. */
    private static int shiftIn(int window, char c) {
        return window << 8 | (c < 0x7F ? c : 0);
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
