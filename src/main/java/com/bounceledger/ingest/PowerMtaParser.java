package com.bounceledger.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PowerMTA accounting files (SPEC 2.2): records {@code d}, {@code b}, {@code t}, {@code rb} and {@code f};
 * other record types are ignored. Fields are found by header name (the {@code record-fields} setting decides
 * which exist); a repeated header row, as PowerMTA writes when it rotates or when record types have their
 * own fields, replaces the columns from there on: it is no event, and {@link #after} gives the parser of the
 * rows after it, so that one parser's columns never change while blocks are parsed with it concurrently.
 */
public final class PowerMtaParser implements LogRecordParser {

    private static final List<String> REQUIRED = List.of("type", "timelogged", "rcpt");

    private final ParserSettings.PowerMtaColumns settings;
    private final int columns;
    private final int type;
    private final int timeLogged;
    private final int timeQueued;
    private final int rcpt;
    private final int orig;
    private final int dsnStatus;
    private final int dsnDiag;
    private final int dsnMta;
    private final int bounceCat;
    private final int messageId;
    private final int[] campaign;
    private final int[] account;

    /** @throws InputFormatException when a required field is missing from the header */
    public PowerMtaParser(String header, ParserSettings.PowerMtaColumns settings) {
        this.settings = settings;
        String[] names = CsvFields.split(header);
        List<String> lower = new ArrayList<>(names.length);
        for (String name : names) {
            lower.add(name.strip().toLowerCase(Locale.ROOT));
        }
        List<String> missing = REQUIRED.stream().filter(name -> !lower.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new InputFormatException("missing required field(s) " + String.join(", ", missing));
        }
        columns = names.length;
        type = lower.indexOf("type");
        timeLogged = lower.indexOf("timelogged");
        timeQueued = lower.indexOf("timequeued");
        rcpt = lower.indexOf("rcpt");
        orig = lower.indexOf("orig");
        dsnStatus = lower.indexOf("dsnstatus");
        dsnDiag = lower.indexOf("dsndiag");
        dsnMta = lower.indexOf("dsnmta");
        bounceCat = lower.indexOf("bouncecat");
        messageId = indexOf(lower, settings.messageId());
        campaign = settings.campaign().stream().mapToInt(name -> indexOf(lower, name)).filter(i -> i >= 0).toArray();
        account = settings.account().stream().mapToInt(name -> indexOf(lower, name)).filter(i -> i >= 0).toArray();
    }

    /** @return whether the record is an accounting file's header: it names the fields every record type has */
    static boolean isHeader(String record) {
        List<String> names = List.of(record.toLowerCase(Locale.ROOT).split(","));
        return names.containsAll(REQUIRED);
    }

    /** A repeated header's "type" column holds the word itself, so its bytes contain it. */
    @Override
    public boolean mayRedefine(byte[] bytes, int from, int to) {
        for (int i = from; i <= to - 4; i++) {
            if (bytes[i] == 't' && bytes[i + 1] == 'y' && bytes[i + 2] == 'p' && bytes[i + 3] == 'e') {
                return true;
            }
        }
        return false;
    }

    @Override
    public LogRecordParser after(RawRecord record) {
        if (record.error() != null) {
            return this;
        }
        try {
            if (!isRepeatedHeader(CsvFields.split(record.text()))) {
                return this;
            }
        } catch (RowRejectedException e) {
            return this; // a bad row, rejected by parse
        }
        return new PowerMtaParser(record.text(), settings);
    }

    @Override
    public void parse(RawRecord record, List<DeliveryEvent> out) {
        String[] fields = CsvFields.split(record.text());
        if (isRepeatedHeader(fields)) {
            return; // its columns are the next parser's
        }
        if (fields.length != columns) {
            throw new RowRejectedException("expected " + columns + " fields, found " + fields.length);
        }
        String recordType = fields[type].strip();
        EventType eventType;
        boolean attempt = true;
        switch (recordType) {
            case "d" -> eventType = EventType.DELIVERED;
            case "b" -> eventType = EventType.BOUNCED;
            case "t" -> eventType = EventType.DEFERRED;
            case "rb" -> {
                eventType = EventType.BOUNCED;
                attempt = false; // a DSN returned later, not a delivery attempt
            }
            case "f" -> {
                eventType = EventType.COMPLAINED;
                attempt = false;
            }
            default -> {
                return; // other record types (connections, remote status...) are not deliveries
            }
        }
        String recipient = field(fields, rcpt);
        if (recipient == null) {
            throw new RowRejectedException("missing rcpt");
        }
        recipient = EmailAddresses.normalize(recipient);
        String logged = field(fields, timeLogged);
        if (logged == null) {
            throw new RowRejectedException("missing timeLogged");
        }
        Instant at = instant(logged);
        String diagnostic = field(fields, dsnDiag);
        String smtpCode = null;
        if (diagnostic != null) {
            diagnostic = withoutDiagnosticType(diagnostic);
            smtpCode = MtaReplies.leadingReplyCode(diagnostic);
        }
        String status = field(fields, dsnStatus);
        String id = field(fields, messageId);
        id = id == null ? derivedId(fields, logged) : MtaReplies.messageId(id);
        out.add(new DeliveryEvent(at, first(fields, account, "default"), first(fields, campaign, "unknown"),
                MtaReplies.perRecipient(id, recipient), recipient, eventType, smtpCode,
                status == null ? null : MtaReplies.leadingStatus(status), diagnostic,
                MtaReplies.hostName(field(fields, dsnMta)), field(fields, bounceCat), attempt));
    }

    private boolean isRepeatedHeader(String[] fields) {
        return fields.length > type && fields[type].equals("type");
    }

    private static int indexOf(List<String> lowerNames, String name) {
        return name == null ? -1 : lowerNames.indexOf(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String field(String[] fields, int index) {
        if (index < 0 || fields[index].isBlank()) {
            return null;
        }
        return fields[index].strip();
    }

    private static String first(String[] fields, int[] indexes, String fallback) {
        for (int index : indexes) {
            String value = field(fields, index);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    /**
     * Without a Message-ID column, the record's own stable fields name the message: its sender and the time
     * it was queued (the same on every record of one message), or the time logged when there is none (an
     * {@code f} record).
     */
    private String derivedId(String[] fields, String logged) {
        String queued = field(fields, timeQueued);
        String sender = field(fields, orig);
        return (queued == null ? logged : queued).replace(' ', 'T') + "." + (sender == null ? "" : sender) + "@powermta";
    }

    /** {@code smtp;550 5.1.1 ...}: the part before the semicolon names the diagnostic type (RFC 3464). */
    private static String withoutDiagnosticType(String diagnostic) {
        int semicolon = diagnostic.indexOf(';');
        if (semicolon <= 0) {
            return diagnostic;
        }
        for (int i = 0; i < semicolon; i++) {
            char c = diagnostic.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '.') {
                return diagnostic;
            }
        }
        return diagnostic.substring(semicolon + 1).strip();
    }

    /** {@code 2026-11-21 03:14:15+0100} (also with {@code T}, {@code +01:00} or {@code Z}). */
    static Instant instant(String text) {
        try {
            if (text.length() >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-'
                    && (text.charAt(10) == ' ' || text.charAt(10) == 'T') && text.charAt(13) == ':'
                    && text.charAt(16) == ':') {
                LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
                return local.toInstant(ZoneOffset.of(text.substring(19))); // +0100, +01:00 or Z
            }
        } catch (DateTimeException | NumberFormatException e) {
            // reported below
        }
        throw new RowRejectedException("bad timeLogged '" + text + "'");
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
