package com.bounceledger.ingest;

import java.util.Locale;

/** Syntax check and normal form of recipient addresses. */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    /** ASCII that a local part cannot hold unquoted: controls, space, specials, DEL (one lookup per char). */
    private static final boolean[] NOT_IN_LOCAL_PART = new boolean[0x80];

    static {
        for (char c = 0; c <= ' '; c++) {
            NOT_IN_LOCAL_PART[c] = true;
        }
        for (char c : "\"(),:;<>[]\\\u007f".toCharArray()) {
            NOT_IN_LOCAL_PART[c] = true;
        }
    }

    private EmailAddresses() {
    }

    /**
     * @return the address lower-cased, as every ledger key uses it
     * @throws RowRejectedException when it is not a syntactically valid address
     */
    public static String normalize(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > MAX_LENGTH || at <= 0 || at == trimmed.length() - 1
                || trimmed.indexOf('@') != at || !validLocalPart(trimmed, at) || !validDomain(trimmed, at + 1)) {
            throw new RowRejectedException("invalid address");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    public static String domainOf(String normalizedAddress) {
        return normalizedAddress.substring(normalizedAddress.lastIndexOf('@') + 1);
    }

    private static boolean validLocalPart(String address, int end) {
        if (end > 64 || address.charAt(0) == '.' || address.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            if (c < NOT_IN_LOCAL_PART.length && NOT_IN_LOCAL_PART[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String address, int start) {
        int dot = address.indexOf('.', start);
        if (dot < 0) {
            return false;
        }
        char previous = '.';
        for (int i = start; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean label = Character.isLetterOrDigit(c) || c == '-' || c > 0x7f;
            if (!label && c != '.' || c == '.' && (previous == '.' || previous == '-')
                    || c == '-' && previous == '.') {
                return false;
            }
            previous = c;
        }
        return previous != '.' && previous != '-';
    }
}
