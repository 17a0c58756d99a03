package com.bounceledger.classify;

import java.text.Normalizer;

/**
 * One table lookup per character turns reply text into the form that rules are written in: lowercase,
 * accents removed (French, German, Spanish, Portuguese and Swedish servers write "boite pleine" as often
 * as "boîte pleine"), curly quotes and odd spaces made plain, full-width Latin made ASCII, ё made е.
 * Every whitespace character becomes a plain space.
 */
final class TextFolding {

    /** Flags beside the folded character in {@link #entry}: the rarer cases a reader must look at. */
    static final int DIGIT = 1 << 16;
    static final int SPACE = 1 << 17;
    static final int NON_ASCII = 1 << 18;

    private static final char[] FOLD = buildTable();
    private static final int[] ENTRIES = buildEntries();

    private TextFolding() {
    }

    static char fold(char c) {
        return FOLD[c];
    }

    /** The folded character in the low 16 bits, with {@link #DIGIT}, {@link #SPACE} or {@link #NON_ASCII}. */
    static int entry(char c) {
        return ENTRIES[c];
    }

    /** A rules-file phrase in matching form: folded, inner runs of spaces collapsed to one. */
    static String foldPhrase(String phrase) {
        StringBuilder folded = new StringBuilder(phrase.length());
        boolean lastSpace = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = FOLD[phrase.charAt(i)];
            if (c == ' ') {
                if (!lastSpace) {
                    folded.append(' ');
                }
                lastSpace = true;
            } else {
                folded.append(c);
                lastSpace = false;
            }
        }
        return folded.toString();
    }

    private static int[] buildEntries() {
        int[] entries = new int[FOLD.length];
        for (int c = 0; c < entries.length; c++) {
            char folded = FOLD[c];
            entries[c] = folded
                    | (c >= '0' && c <= '9' ? DIGIT : 0)
                    | (folded == ' ' ? SPACE : 0)
                    | (folded >= 0x80 ? NON_ASCII : 0);
        }
        return entries;
    }

    private static char[] buildTable() {
        char[] table = new char[0x10000];
        for (int c = 0; c < table.length; c++) {
            table[c] = foldOne((char) c);
        }
        return table;
    }

    private static char foldOne(char c) {
        if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
            return ' ';
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0); // full-width ASCII
        }
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB':
                return '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
                return '-';
            case '\u0401', '\u0451':
                return '\u0435'; // ё is written е as often as not
            case '\u00D8', '\u00F8':
                return 'o';
            case '\u0141', '\u0142':
                return 'l';
            case '\u0110', '\u0111':
                return 'd';
            default:
                break;
        }
        char lower = Character.toLowerCase(c);
        if (lower >= '\u00C0' && lower <= '\u024F' || lower >= '\u1E00' && lower <= '\u1EFF') {
            char base = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD).charAt(0);
            if (base < 0x80) {
                return base;
            }
        }
        return lower;
    }
}
