package com.bounceledger.classify;

/**
 * RFC 3463 enhanced status codes packed into an int: class * 1,000,000 + subject * 1,000 + detail
 * (5.7.606 is 5_007_606). -1 means no code. Class 0 stands for "either 4 or 5" in rule keys ({@code x.1.1}).
 */
final class StatusCode {

    static final int NONE = -1;

    private StatusCode() {
    }

    static int pack(int codeClass, int subject, int detail) {
        return codeClass * 1_000_000 + subject * 1_000 + detail;
    }

    static int codeClass(int packed) {
        return packed / 1_000_000;
    }

    static int subject(int packed) {
        return packed / 1_000 % 1_000;
    }

    static int detail(int packed) {
        return packed % 1_000;
    }

    /** The same code with its class replaced by 0, the key of class-independent rules. */
    static int anyClass(int packed) {
        return packed % 1_000_000;
    }

    static boolean isUndefinedDetail(int packed) {
        return subject(packed) == 0 && detail(packed) == 0;
    }

    static String format(int packed) {
        return codeClass(packed) + "." + subject(packed) + "." + detail(packed);
    }

    /**
     * Parses a code such as {@code 5.1.1} at the start of the value (PowerMTA adds a comment after it:
     * {@code 5.1.1 (bad destination mailbox address)}). Returns {@link #NONE} when there is none.
     */
    static int parseLeading(String value) {
        if (value == null) {
            return NONE;
        }
        int length = value.length();
        int i = 0;
        while (i < length && value.charAt(i) <= ' ') {
            i++;
        }
        if (i + 5 > length || !isDigit(value.charAt(i)) || value.charAt(i + 1) != '.') {
            return NONE;
        }
        int codeClass = value.charAt(i) - '0';
        int subjectStart = i + 2;
        int subjectEnd = digitsEnd(value, subjectStart);
        if (subjectEnd == subjectStart || subjectEnd - subjectStart > 3 || subjectEnd >= length || value.charAt(subjectEnd) != '.') {
            return NONE;
        }
        int detailEnd = digitsEnd(value, subjectEnd + 1);
        if (detailEnd == subjectEnd + 1 || detailEnd - subjectEnd - 1 > 3) {
            return NONE;
        }
        return pack(codeClass, Integer.parseInt(value, subjectStart, subjectEnd, 10),
                Integer.parseInt(value, subjectEnd + 1, detailEnd, 10));
    }

    /**
     * Parses {@code C.S.D} starting exactly at {@code start} (C one digit, S and D one to three digits)
     * and returns the packed code, or {@link #NONE} when the text there is not a code. The end of the
     * match is {@link #lengthAt}.
     */
    static int parseAt(char[] text, int start, int limit) {
        int end = lengthAt(text, start, limit);
        if (end < 0) {
            return NONE;
        }
        int codeClass = text[start] - '0';
        int i = start + 2;
        int subject = 0;
        while (text[i] != '.') {
            subject = subject * 10 + text[i++] - '0';
        }
        i++;
        int detail = 0;
        while (i < end) {
            detail = detail * 10 + text[i++] - '0';
        }
        return pack(codeClass, subject, detail);
    }

    /** The end index of a {@code C.S.D} code starting at {@code start}, or -1 if there is none there. */
    static int lengthAt(char[] text, int start, int limit) {
        if (start + 5 > limit || !isDigit(text[start]) || text[start + 1] != '.') {
            return -1;
        }
        int i = start + 2;
        int digits = 0;
        while (i < limit && isDigit(text[i]) && digits < 4) {
            i++;
            digits++;
        }
        if (digits == 0 || digits > 3 || i >= limit || text[i] != '.') {
            return -1;
        }
        i++;
        digits = 0;
        while (i < limit && isDigit(text[i]) && digits < 4) {
            i++;
            digits++;
        }
        if (digits == 0 || digits > 3) {
            return -1;
        }
        // "4.16.55.1" is a version or an address, not a status code
        if (i < limit && text[i] == '.' && i + 1 < limit && isDigit(text[i + 1])) {
            return -1;
        }
        return i;
    }

    private static int digitsEnd(String value, int from) {
        int i = from;
        while (i < value.length() && isDigit(value.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
