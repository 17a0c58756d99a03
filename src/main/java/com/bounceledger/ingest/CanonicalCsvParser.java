package com.bounceledger.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The canonical delivery log of SPEC 2.1: columns found by header name, in any order. */
public final class CanonicalCsvParser implements LogRecordParser {

    static final List<String> REQUIRED = List.of("timestamp", "account", "campaign", "message_id", "recipient", "event");

    private final int columns;
    private final int timestamp;
    private final int account;
    private final int campaign;
    private final int messageId;
    private final int recipient;
    private final int event;
    private final int smtpCode;
    private final int enhancedStatus;
    private final int diagnostic;
    private final int remoteMta;

    /** @throws InputFormatException when a required column is missing from the header */
    public CanonicalCsvParser(String header) {
        List<String> names = new ArrayList<>();
        for (String name : CsvFields.split(header)) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        List<String> missing = REQUIRED.stream().filter(name -> !names.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new InputFormatException("missing required column(s) " + String.join(", ", missing));
        }
        columns = names.size();
        timestamp = names.indexOf("timestamp");
        account = names.indexOf("account");
        campaign = names.indexOf("campaign");
        messageId = names.indexOf("message_id");
        recipient = names.indexOf("recipient");
        event = names.indexOf("event");
        smtpCode = names.indexOf("smtp_code");
        enhancedStatus = names.indexOf("enhanced_status");
        diagnostic = names.indexOf("diagnostic");
        remoteMta = names.indexOf("remote_mta");
    }

    /** @return whether the record is a canonical header: it names the columns that identify the format */
    static boolean isHeader(String record) {
        String lower = record.toLowerCase(Locale.ROOT);
        return lower.contains("timestamp") && lower.contains("message_id") && lower.contains("event")
                && lower.contains("recipient");
    }

    @Override
    public void parse(RawRecord record, List<DeliveryEvent> out) {
        String[] fields = CsvFields.split(record.text());
        if (fields.length != columns) {
            throw new RowRejectedException("expected " + columns + " columns, found " + fields.length);
        }
        EventType type = EventType.fromLabel(required(fields, event, "event").strip());
        if (type == null) {
            throw new RowRejectedException("unknown event '" + fields[event].strip() + "'");
        }
        out.add(new DeliveryEvent(
                instant(required(fields, timestamp, "timestamp")),
                required(fields, account, "account").strip(),
                required(fields, campaign, "campaign").strip(),
                required(fields, messageId, "message_id").strip(),
                EmailAddresses.normalize(required(fields, recipient, "recipient")),
                type,
                optional(fields, smtpCode),
                optional(fields, enhancedStatus),
                optional(fields, diagnostic),
                optional(fields, remoteMta),
                null,
                false));
    }

    private static String required(String[] fields, int index, String name) {
        String value = fields[index];
        if (value.isBlank()) {
            throw new RowRejectedException("missing " + name);
        }
        return value;
    }

    private static String optional(String[] fields, int index) {
        if (index < 0 || fields[index].isBlank()) {
            return null;
        }
        return fields[index].strip();
    }

    private static Instant instant(String text) {
        try {
            return IsoTimestamp.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("bad timestamp '" + text.strip() + "'");
        }
    }
}
