package com.bounceledger.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Postfix mail logs (SPEC 2.3). Delivery lines of {@code smtp}, {@code lmtp} and {@code error} give one event
 * per recipient, {@code qmgr ... status=expired} a final failure for each recipient still waiting; the queue
 * id joins them with the {@code cleanup message-id} line, kept in a {@link PostfixQueue} across files and
 * days. Other daemons' lines and Postfix lines without a delivery are ignored; a delivery line that cannot
 * be used, or a line that is not syslog at all, is rejected. Parsed with {@code indexOf}, no regular
 * expressions, since a night holds tens of millions of lines.
 */
public final class PostfixLogParser implements LogRecordParser {

    /** Postfix's own verdict on an expired message: RFC 3463's "delivery time expired". */
    static final String EXPIRED_STATUS = "4.4.7";
    static final String EXPIRED_TEXT = "message expired in queue, returned to sender";

    private final ParserSettings settings;
    private final PostfixQueue queue;
    private final SyslogTime time;
    private final String derivedIdSuffix;

    public PostfixLogParser(ParserSettings settings, PostfixQueue queue) {
        this.settings = settings;
        this.queue = queue;
        this.time = new SyslogTime(settings.runDate(), settings.zone());
        this.derivedIdSuffix = "." + settings.runDate() + "@postfix";
    }

    /** @return whether the line has the shape of a syslog line */
    static boolean isSyslog(String line) {
        int length = SyslogTime.length(line);
        return length > 0 && line.indexOf(' ', length + 1) > length + 1;
    }

    @Override
    public void parse(RawRecord record, List<DeliveryEvent> out) {
        String line = record.text();
        int timeLength = SyslogTime.length(line);
        if (timeLength < 0) {
            throw new RowRejectedException("not a syslog line");
        }
        int hostEnd = line.indexOf(' ', timeLength + 1);
        int tagEnd = hostEnd < 0 ? -1 : line.indexOf(": ", hostEnd + 1);
        if (tagEnd < 0) {
            throw new RowRejectedException("not a syslog line");
        }
        if (!line.startsWith("postfix", hostEnd + 1)) {
            return; // another program
        }
        int bracket = line.indexOf('[', hostEnd + 1);
        int programEnd = bracket > 0 && bracket < tagEnd ? bracket : tagEnd;
        String daemon = line.substring(line.lastIndexOf('/', programEnd) + 1, programEnd);
        int idEnd = line.indexOf(": ", tagEnd + 2);
        if (idEnd < 0 || !isQueueId(line, tagEnd + 2, idEnd)) {
            return; // connections, warnings, NOQUEUE rejects: no message
        }
        String key = line.substring(timeLength + 1, hostEnd) + "/" + line.substring(tagEnd + 2, idEnd);
        int text = idEnd + 2;
        switch (daemon) {
            case "cleanup" -> {
                if (line.startsWith("message-id=", text)) {
                    String id = MtaReplies.messageId(line.substring(text + "message-id=".length()));
                    queue.start(key, id.isEmpty() ? derivedId(key) : id, settings.runDate());
                }
            }
            case "qmgr" -> {
                if (line.startsWith("removed", text)) {
                    queue.remove(key);
                } else if (line.indexOf(", status=expired", text) > 0) {
                    expired(line, timeLength, key, out);
                }
            }
            case "smtp", "lmtp", "error" -> {
                if (line.startsWith("to=<", text)) {
                    delivery(line, timeLength, key, text, out);
                }
            }
            default -> {
                // pickup, bounce, smtpd, anvil...: nothing about a delivery
            }
        }
    }

    private void delivery(String line, int timeLength, String key, int text, List<DeliveryEvent> out) {
        int recipientEnd = line.indexOf('>', text + 4);
        if (recipientEnd < 0) {
            throw new RowRejectedException("unterminated to=<");
        }
        if (recipientEnd == text + 4) {
            throw new RowRejectedException("missing recipient");
        }
        String recipient = EmailAddresses.normalize(line.substring(text + 4, recipientEnd));
        int statusAt = line.indexOf(", status=", recipientEnd);
        if (statusAt < 0) {
            throw new RowRejectedException("delivery line without status");
        }
        int statusStart = statusAt + ", status=".length();
        int statusEnd = statusStart;
        while (statusEnd < line.length() && line.charAt(statusEnd) != ' ' && line.charAt(statusEnd) != ',') {
            statusEnd++;
        }
        String status = line.substring(statusStart, statusEnd);
        EventType type = switch (status) {
            case "sent" -> EventType.DELIVERED;
            case "deferred" -> EventType.DEFERRED;
            case "bounced", "expired" -> EventType.BOUNCED;
            default -> throw new RowRejectedException("unknown status '" + status + "'");
        };
        Instant at = Instant.ofEpochSecond(time.epochSecond(line, timeLength));
        String messageId = queue.messageId(key, derivedId(key), settings.runDate());
        if (type == EventType.DEFERRED) {
            queue.waiting(key, recipient);
        } else {
            queue.done(key, recipient);
        }
        String reply = reply(line, statusEnd);
        String dsn = between(line, ", dsn=", ',', recipientEnd, statusAt + 1);
        String relay = between(line, ", relay=", ',', recipientEnd, statusAt + 1);
        String[] accountAndCampaign = settings.messageIds().accountAndCampaign(messageId);
        out.add(new DeliveryEvent(at, accountAndCampaign[0], accountAndCampaign[1],
                MtaReplies.perRecipient(messageId, recipient), recipient, type,
                reply == null ? null : MtaReplies.leadingReplyCode(reply),
                dsn != null && MtaReplies.isStatus(dsn) ? dsn : null, reply, MtaReplies.hostName(relay), null, true));
    }

    /** Postfix gave up: every recipient still waiting fails with "expired". Not a delivery attempt. */
    private void expired(String line, int timeLength, String key, List<DeliveryEvent> out) {
        List<String> recipients = queue.expire(key);
        if (recipients.isEmpty()) {
            return; // its deferrals were never seen: nothing to attribute the expiry to
        }
        Instant at = Instant.ofEpochSecond(time.epochSecond(line, timeLength));
        String messageId = queue.messageId(key, derivedId(key), settings.runDate());
        String[] accountAndCampaign = settings.messageIds().accountAndCampaign(messageId);
        for (String recipient : recipients) {
            out.add(new DeliveryEvent(at, accountAndCampaign[0], accountAndCampaign[1],
                    MtaReplies.perRecipient(messageId, recipient), recipient, EventType.BOUNCED, null,
                    EXPIRED_STATUS, EXPIRED_TEXT, null, null, false));
        }
    }

    /** A queue id nobody logged a Message-ID for: named by itself and the day it was first seen. */
    private String derivedId(String key) {
        return key.substring(key.indexOf('/') + 1) + derivedIdSuffix;
    }

    /**
     * The text in parentheses after the status: the remote server's reply without Postfix's {@code host X
     * said:} (the context {@code (in reply to ... command)} stays, the classifier reads it), or Postfix's own.
     */
    private static String reply(String line, int statusEnd) {
        int open = line.indexOf(" (", statusEnd);
        if (open < 0) {
            return null;
        }
        int end = line.endsWith(")") ? line.length() - 1 : line.length();
        String text = line.substring(open + 2, end);
        int said = text.indexOf(" said: ");
        if (said > 0 && text.startsWith("host ")) {
            return text.substring(said + " said: ".length());
        }
        int refused = text.indexOf(" refused to talk to me: ");
        if (refused > 0 && text.startsWith("host ")) {
            return text.substring(refused + " refused to talk to me: ".length());
        }
        return text;
    }

    private static String between(String line, String name, char end, int from, int limit) {
        int at = line.indexOf(name, from);
        if (at < 0 || at >= limit) {
            return null;
        }
        int start = at + name.length();
        int stop = line.indexOf(end, start);
        return line.substring(start, stop < 0 || stop > limit ? limit : stop);
    }

    /** Short ids are hexadecimal, long ids (enable_long_queue_ids) base 52 plus digits: letters and digits. */
    private static boolean isQueueId(String line, int from, int to) {
        if (to - from < 5 || to - from > 20) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetterOrDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
