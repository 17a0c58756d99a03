package com.bounceledger.classify;

/**
 * A diagnostic read once: folded into matching form (see {@link TextFolding}) with SMTP code tokens
 * ("550 5.1.1", "550-5.7.1", "5.2.2") taken out, so that phrases split by multi-line replies such as
 * Gmail's "is not accepted due to 550-5.7.26 domain's DMARC policy" still match, and with the first
 * failure reply code and enhanced status code of the text remembered. The folded text starts and ends
 * with a space so phrases can ask for a word boundary with a space. Reused per thread, not shared.
 */
final class ReplyText {

    char[] chars = new char[256];
    private char[] raw = new char[256];
    int length;
    boolean nonAscii;
    int replyCode;
    int status;

    void read(String diagnostic) {
        int rawLength = diagnostic == null ? 0 : diagnostic.length();
        if (chars.length < rawLength + 2) {
            chars = new char[rawLength + 2];
            raw = new char[rawLength];
        }
        if (rawLength > 0) {
            diagnostic.getChars(0, rawLength, raw, 0);
        }
        replyCode = -1;
        status = StatusCode.NONE;
        nonAscii = false;
        char[] out = chars;
        int n = 0;
        out[n++] = ' ';
        boolean lastSpace = true;
        for (int i = 0; i < rawLength; i++) {
            int entry = TextFolding.entry(raw[i]);
            if (entry > 0xFFFF) {
                // digits, spaces and other scripts are rarer than letters: one test keeps letters fast
                if ((entry & TextFolding.DIGIT) != 0 && startsToken(raw, i)) {
                    int tokenEnd = readCodeToken(raw, i, rawLength);
                    if (tokenEnd > 0) {
                        i = tokenEnd - 1;
                        entry = TextFolding.SPACE | ' ';
                    }
                }
                if ((entry & TextFolding.SPACE) != 0) {
                    if (!lastSpace) {
                        out[n++] = ' ';
                        lastSpace = true;
                    }
                    continue;
                }
                nonAscii |= (entry & TextFolding.NON_ASCII) != 0;
            }
            out[n++] = (char) entry;
            lastSpace = false;
        }
        if (!lastSpace) {
            out[n++] = ' ';
        }
        length = n;
    }

    private static boolean startsToken(char[] raw, int i) {
        if (i == 0) {
            return true;
        }
        char before = raw[i - 1];
        if (before < 0x80) {
            return !(before >= '0' && before <= '9' || before >= 'a' && before <= 'z' || before >= 'A' && before <= 'Z'
                    || before == '.' || before == '-' || before == '_' || before == '[');
        }
        return !Character.isLetterOrDigit(before);
    }

    /**
     * At a digit that starts a token: a reply code followed by a status code ("550 5.1.1", "550-5.1.1")
     * or a lone status code is remembered and skipped (returns its end); a lone reply code is
     * remembered but kept in the text (returns -1).
     */
    private int readCodeToken(char[] raw, int i, int rawLength) {
        if (i + 3 <= rawLength && isReplyCodeAt(raw, i)
                && (i + 3 == rawLength || !StatusCode.isDigit(raw[i + 3]))) {
            int code = (raw[i] - '0') * 100 + (raw[i + 1] - '0') * 10 + (raw[i + 2] - '0');
            int next = i + 3;
            if (next + 1 < rawLength && (raw[next] == ' ' || raw[next] == '-')) {
                int statusEnd = StatusCode.lengthAt(raw, next + 1, rawLength);
                if (statusEnd > 0) {
                    rememberReply(code);
                    rememberStatus(StatusCode.parseAt(raw, next + 1, rawLength));
                    return statusEnd;
                }
            }
            if (next == rawLength || isReplyCodeEnd(raw[next])) {
                rememberReply(code);
            }
            return -1;
        }
        int statusEnd = StatusCode.lengthAt(raw, i, rawLength);
        if (statusEnd > 0) {
            rememberStatus(StatusCode.parseAt(raw, i, rawLength));
            return statusEnd;
        }
        return -1;
    }

    private static boolean isReplyCodeAt(char[] raw, int i) {
        char first = raw[i];
        return first >= '2' && first <= '5' && StatusCode.isDigit(raw[i + 1]) && StatusCode.isDigit(raw[i + 2]);
    }

    private static boolean isReplyCodeEnd(char c) {
        return c == ' ' || c == '-' || c == ',' || c == ':' || c == ';' || c == ')' || c == '.' || c == '"' || c == '\t';
    }

    private void rememberReply(int code) {
        if (replyCode < 0 && code >= 400) {
            replyCode = code;
        }
    }

    private void rememberStatus(int packed) {
        int codeClass = StatusCode.codeClass(packed);
        if (status == StatusCode.NONE && (codeClass == 4 || codeClass == 5)) {
            status = packed;
        }
    }
}
