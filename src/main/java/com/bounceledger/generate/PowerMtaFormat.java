package com.bounceledger.generate;

import com.bounceledger.csv.CsvWriter;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * PowerMTA accounting files ({@code acct-*.csv}, SPEC 2.2): records {@code d} delivered, {@code t}
 * deferral, {@code b} bounce, {@code rb} a bounce returned later by mail, {@code f} feedback-loop
 * complaint. PowerMTA logs neither the send itself nor opens, clicks and unsubscribes (those come
 * from the sender's web tracking), so those events have no record. The account is the virtual MTA
 * ({@code vmta}), the campaign the {@code jobId}.
 */
final class PowerMtaFormat implements LogFormat {

    static final String HEADER = "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,vmta,jobId,envId,header_Message-Id";

    /** PowerMTA's bounce categories for the intended reasons. */
    private static final Map<String, String> BOUNCE_CATEGORIES = Map.ofEntries(
            Map.entry("userunknown", "bad-mailbox"), Map.entry("hasmoved", "bad-mailbox"),
            Map.entry("hostunknown", "bad-domain"), Map.entry("mailboxfull", "quota-issues"),
            Map.entry("suspend", "inactive-mailbox"), Map.entry("expired", "message-expired"),
            Map.entry("networkerror", "bad-connection"), Map.entry("blocked", "spam-related"),
            Map.entry("badreputation", "spam-related"), Map.entry("spamdetected", "spam-related"),
            Map.entry("filtered", "spam-related"), Map.entry("policyviolation", "policy-related"),
            Map.entry("authfailure", "policy-related"), Map.entry("requireptr", "policy-related"),
            Map.entry("toomanyconn", "policy-related"), Map.entry("speeding", "policy-related"));

    /** RFC 3463 descriptions PowerMTA adds to a status; others fall back to their subject's description. */
    private static final Map<String, String> STATUS_DETAILS = Map.ofEntries(
            Map.entry("2.0.0", "success"), Map.entry("2.6.0", "other or undefined media error"),
            Map.entry("5.1.1", "bad destination mailbox address"), Map.entry("5.1.2", "bad destination system address"),
            Map.entry("5.1.6", "destination mailbox has moved, no forwarding address"),
            Map.entry("5.1.10", "recipient address has null MX"),
            Map.entry("4.2.1", "mailbox disabled, not accepting messages"),
            Map.entry("5.2.1", "mailbox disabled, not accepting messages"),
            Map.entry("4.2.2", "mailbox full"), Map.entry("5.2.2", "mailbox full"),
            Map.entry("4.3.1", "mail system full"), Map.entry("4.3.2", "system not accepting network messages"),
            Map.entry("4.4.1", "no answer from host"), Map.entry("4.4.2", "bad connection"),
            Map.entry("5.4.4", "unable to route"), Map.entry("4.4.7", "delivery time expired"),
            Map.entry("5.5.0", "other or undefined protocol status"),
            Map.entry("4.7.1", "delivery not authorized, message refused"),
            Map.entry("5.7.1", "delivery not authorized, message refused"));
    private static final String[] SUBJECTS = {"other or undefined status", "other address status",
            "other or undefined mailbox status", "other or undefined mail system status",
            "other or undefined network or routing status", "other or undefined protocol status",
            "other or undefined media error", "other or undefined security status"};

    @Override
    public String name() {
        return "powermta";
    }

    @Override
    public boolean shows(EventType type, boolean returnedLater) {
        return switch (type) {
            case DELIVERED, DEFERRED, BOUNCED, COMPLAINED -> true;
            case SENT, OPENED, CLICKED, UNSUBSCRIBED -> false;
        };
    }

    @Override
    public String fileName(LocalDate day, int part) {
        return String.format(Locale.ROOT, "acct-%s-%02d.csv.gz", day, part);
    }

    @Override
    public LogWriter open(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write("\r\n");
        return new AccountingWriter(writer);
    }

    private static final class AccountingWriter implements LogWriter {
        private final Writer writer;
        private final StringBuilder row = new StringBuilder(512);
        private final AccountingTime time = new AccountingTime();

        AccountingWriter(Writer writer) {
            this.writer = writer;
        }

        @Override
        public int write(GeneratedEvent generated) throws IOException {
            writeRecord(generated, time.format(generated.event().timestamp().getEpochSecond()), generated.event().recipient(), 15);
            return 1;
        }

        /** PowerMTA ignores unknown record types, so an unknown event becomes a truncated record instead. */
        @Override
        public int writeBroken(GeneratedEvent basis, BrokenRow kind) throws IOException {
            String timeLogged = time.format(basis.event().timestamp().getEpochSecond());
            String recipient = basis.event().recipient();
            switch (kind) {
                case MISSING_RECIPIENT -> writeRecord(basis, timeLogged, "", 15);
                case BAD_TIMESTAMP -> writeRecord(basis, timeLogged.substring(0, 11) + "25" + timeLogged.substring(13), recipient, 15);
                case INVALID_ADDRESS -> writeRecord(basis, timeLogged, recipient.replace("@", "@@"), 15);
                case UNKNOWN_EVENT, WRONG_COLUMN_COUNT -> writeRecord(basis, timeLogged, recipient, 9);
            }
            return 1;
        }

        private void writeRecord(GeneratedEvent generated, String timeLogged, String recipient, int columns) throws IOException {
            DeliveryEvent event = generated.event();
            boolean complaint = event.type() == EventType.COMPLAINED;
            String[] fields = {
                    recordType(generated), timeLogged,
                    complaint ? null : time.format(generated.sentAt()),
                    complaint ? null : "bounces@" + SenderAccount.sendingDomainOf(event.account()), recipient, null,
                    complaint ? null : action(event.type()), complaint ? null : dsnStatus(event),
                    complaint ? null : dsnDiag(event), remoteHost(event.remoteMta()),
                    event.type() == EventType.BOUNCED ? bounceCategory(generated.reason()) : null,
                    event.account(), event.campaign(), null, "<" + event.messageId() + ">"};
            row.setLength(0);
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    row.append(',');
                }
                row.append(CsvWriter.escape(fields[i]));
            }
            writer.append(row).append("\r\n");
        }

        private static String recordType(GeneratedEvent generated) {
            return switch (generated.event().type()) {
                case DELIVERED -> "d";
                case DEFERRED -> "t";
                case BOUNCED -> generated.returnedLater() ? "rb" : "b";
                case COMPLAINED -> "f";
                default -> throw new IllegalArgumentException("PowerMTA has no record for " + generated.event().type());
            };
        }

        private static String action(EventType type) {
            return switch (type) {
                case DELIVERED -> "relayed";
                case DEFERRED -> "delayed";
                default -> "failed";
            };
        }

        /** The status with its description, e.g. {@code 5.1.1 (bad destination mailbox address)}; from the code when the reply has none. */
        private static String dsnStatus(DeliveryEvent event) {
            String status = event.enhancedStatus();
            if (status == null) {
                if (event.smtpCode() == null) {
                    return null;
                }
                status = event.smtpCode().charAt(0) + ".0.0";
            }
            String detail = STATUS_DETAILS.get(status);
            if (detail == null) {
                int subject = status.charAt(2) - '0';
                detail = subject >= 0 && subject < SUBJECTS.length ? SUBJECTS[subject] : SUBJECTS[0];
            }
            return status + " (" + detail + ")";
        }

        /** {@code smtp;} marks a remote server's reply; the MTA's own verdicts (DNS, expiry) have no prefix. */
        private static String dsnDiag(DeliveryEvent event) {
            if (event.diagnostic() == null) {
                return null;
            }
            return event.smtpCode() == null ? event.diagnostic() : "smtp;" + event.diagnostic();
        }

        private static String remoteHost(String host) {
            return host == null ? null : host + " (" + HostAddresses.of(host) + ")";
        }

        private static String bounceCategory(String reason) {
            return BOUNCE_CATEGORIES.getOrDefault(reason, "other");
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /** PowerMTA's time format, {@code 2026-11-21 03:14:15+0000}. */
    private static final class AccountingTime {
        private final IsoSeconds iso = new IsoSeconds();

        String format(long epochSecond) {
            String instant = iso.format(epochSecond);
            return instant.substring(0, 10) + ' ' + instant.substring(11, 19) + "+0000";
        }
    }
}
