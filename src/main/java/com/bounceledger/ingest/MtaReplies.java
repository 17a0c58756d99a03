package com.bounceledger.ingest;

/** Pieces of the replies MTAs log: reply codes, status codes, host names. */
final class MtaReplies {

    /** Message ids are stored with a recipient in a 500-character column. */
    private static final int MAX_MESSAGE_ID = 240;

    private MtaReplies() {
    }

    /** @return the 3-digit reply code that starts the reply ({@code 550 5.1.1 ...}, {@code 550-5.1.1 ...}), or null */
    static String leadingReplyCode(String reply) {
        if (reply.length() < 3 || reply.charAt(0) < '2' || reply.charAt(0) > '5'
                || !isDigit(reply.charAt(1)) || !isDigit(reply.charAt(2))) {
            return null;
        }
        if (reply.length() > 3 && reply.charAt(3) != ' ' && reply.charAt(3) != '-') {
            return null;
        }
        return reply.substring(0, 3);
    }

    /** @return the RFC 3463 status that starts the text ({@code 5.1.1 (bad destination...)}), or null */
    static String leadingStatus(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != ' ') {
            end++;
        }
        String status = text.substring(0, end);
        return isStatus(status) ? status : null;
    }

    static boolean isStatus(String status) {
        int firstDot = status.indexOf('.');
        int secondDot = status.indexOf('.', firstDot + 1);
        return firstDot == 1 && secondDot > 2 && secondDot < status.length() - 1
                && "245".indexOf(status.charAt(0)) >= 0
                && allDigits(status, 2, secondDot) && allDigits(status, secondDot + 1, status.length());
    }

    /** The host name of {@code host (192.0.2.1)} or {@code host[192.0.2.1]:25}; null for none. */
    static String hostName(String remote) {
        if (remote == null) {
            return null;
        }
        int end = remote.length();
        int bracket = remote.indexOf('[');
        int paren = remote.indexOf(" (");
        if (bracket >= 0) {
            end = bracket;
        } else if (paren >= 0) {
            end = paren;
        }
        String host = remote.substring(0, end).strip();
        return host.isEmpty() || host.equals("none") ? null : host;
    }

    /**
     * One message to one recipient: an MTA logs a message sent to several recipients under one Message-ID,
     * while the ledger counts each recipient's copy as a message.
     */
    static String perRecipient(String messageId, String recipient) {
        return messageId + "/" + recipient;
    }

    /** A logged Message-ID without its angle brackets, cut to what the state tables hold. */
    static String messageId(String logged) {
        String id = logged.strip();
        if (id.length() >= 2 && id.charAt(0) == '<' && id.charAt(id.length() - 1) == '>') {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.length() <= MAX_MESSAGE_ID ? id : id.substring(0, MAX_MESSAGE_ID);
    }

    private static boolean allDigits(String text, int from, int to) {
        if (from >= to || to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
