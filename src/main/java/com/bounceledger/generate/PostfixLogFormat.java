package com.bounceledger.generate;

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

/**
 * Postfix mail logs (SPEC 2.3): the {@code cleanup} line with the message id and the {@code qmgr}
 * line when a message is sent, one {@code smtp} line per delivery attempt (the reply in parentheses,
 * with the SMTP command it answered), {@code qmgr} expiry and removal lines. Postfix logs only what
 * the MTA does: opens, clicks, unsubscribes and complaints never reach it, and neither do bounces
 * that come back later by mail (a gateway's report, an auto-reply): those events have no line.
 * Message ids are {@code <N.campaign.account@mail.sender.example>}, so a pattern recovers account
 * and campaign. A message keeps its queue id across days, derived from its message id.
 */
final class PostfixLogFormat implements LogFormat {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    @Override
    public String name() {
        return "postfix";
    }

    @Override
    public boolean shows(EventType type, boolean returnedLater) {
        return switch (type) {
            case SENT, DELIVERED, DEFERRED -> true;
            case BOUNCED -> !returnedLater;
            case OPENED, CLICKED, UNSUBSCRIBED, COMPLAINED -> false;
        };
    }

    @Override
    public String fileName(LocalDate day, int part) {
        return String.format(Locale.ROOT, "mail-%s-%02d.log.gz", day, part);
    }

    @Override
    public LogWriter open(OutputStream out) {
        return new SyslogWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    private static final class SyslogWriter implements LogWriter {
        private static final int MESSAGE = 1;
        private static final int NOTIFICATION = 2;
        private static final long QUEUE_ID_MASK = (1L << 52) - 1;
        private final Writer writer;
        private final IsoSeconds iso = new IsoSeconds();

        SyslogWriter(Writer writer) {
            this.writer = writer;
        }

        @Override
        public int write(GeneratedEvent generated) throws IOException {
            DeliveryEvent event = generated.event();
            String queueId = queueId(event.messageId(), MESSAGE);
            String prefix = syslogPrefix(event);
            return switch (event.type()) {
                case SENT -> {
                    line(prefix + "postfix/cleanup[" + pid(event, 11) + "]: " + queueId + ": message-id=<" + event.messageId() + ">");
                    line(prefix + "postfix/qmgr[" + qmgrPid(event) + "]: " + queueId + ": from=<" + sender(event)
                            + ">, size=" + (18_000 + Math.floorMod(event.messageId().hashCode(), 40_000)) + ", nrcpt=1 (queue active)");
                    yield 2;
                }
                case DELIVERED -> {
                    line(deliveryLine(prefix, queueId, generated, event.recipient(), "sent"));
                    line(prefix + "postfix/qmgr[" + qmgrPid(event) + "]: " + queueId + ": removed");
                    yield 2;
                }
                case DEFERRED -> {
                    line(deliveryLine(prefix, queueId, generated, event.recipient(), "deferred"));
                    yield 1;
                }
                case BOUNCED -> {
                    if ("expired".equals(generated.reason())) {
                        line(prefix + "postfix/qmgr[" + qmgrPid(event) + "]: " + queueId + ": from=<" + sender(event)
                                + ">, status=expired, returned to sender");
                    } else {
                        line(deliveryLine(prefix, queueId, generated, event.recipient(), "bounced"));
                    }
                    line(prefix + "postfix/bounce[" + pid(event, 13) + "]: " + queueId + ": sender non-delivery notification: "
                            + queueId(event.messageId(), NOTIFICATION));
                    line(prefix + "postfix/qmgr[" + qmgrPid(event) + "]: " + queueId + ": removed");
                    yield 3;
                }
                default -> throw new IllegalArgumentException("Postfix has no line for " + event.type());
            };
        }

        @Override
        public int writeBroken(GeneratedEvent basis, BrokenRow kind) throws IOException {
            DeliveryEvent event = basis.event();
            String prefix = syslogPrefix(event);
            String queueId = queueId(event.messageId(), MESSAGE);
            String status = event.type() == EventType.BOUNCED ? "bounced" : event.type() == EventType.DEFERRED ? "deferred" : "sent";
            String line = switch (kind) {
                case MISSING_RECIPIENT -> deliveryLine(prefix, queueId, basis, "", status);
                case BAD_TIMESTAMP -> prefix.substring(0, 7) + "25" + prefix.substring(9) + deliveryLine("", queueId, basis, event.recipient(), status);
                case UNKNOWN_EVENT -> deliveryLine(prefix, queueId, basis, event.recipient(), "queued");
                case INVALID_ADDRESS -> deliveryLine(prefix, queueId, basis, event.recipient().replace("@", "@@"), status);
                case WRONG_COLUMN_COUNT -> {
                    String full = deliveryLine(prefix, queueId, basis, event.recipient(), status);
                    yield full.substring(0, full.indexOf(", relay=") + 8);
                }
            };
            line(line);
            return 1;
        }

        private String deliveryLine(String prefix, String queueId, GeneratedEvent generated, String recipient, String status) {
            DeliveryEvent event = generated.event();
            String host = event.remoteMta();
            double delay = event.timestamp().getEpochSecond() - generated.sentAt() + 0.1 * (1 + Math.floorMod(queueId.hashCode(), 9));
            double connect = 0.1 * (1 + Math.floorMod(event.messageId().hashCode() >> 4, 8));
            double transfer = 0.1 * (1 + Math.floorMod(event.messageId().hashCode() >> 8, 14));
            double queued = Math.max(0, delay - 0.1 - connect - transfer);
            return prefix + "postfix/smtp[" + pid(event, 17) + "]: " + queueId + ": to=<" + recipient + ">, relay="
                    + (host == null ? "none" : host + "[" + HostAddresses.of(host) + "]:25")
                    + String.format(Locale.ROOT, ", delay=%.1f, delays=0.1/%.1f/%.1f/%.1f", delay, queued, connect, transfer)
                    + ", dsn=" + dsn(event) + ", status=" + status + " (" + reply(generated) + ")";
        }

        /** A remote reply names the host and the command it answered; the MTA's own messages stand alone. */
        private static String reply(GeneratedEvent generated) {
            DeliveryEvent event = generated.event();
            String host = event.remoteMta();
            if (event.type() == EventType.DELIVERED || host == null || event.smtpCode() == null) {
                return event.diagnostic();
            }
            String hostName = host + "[" + HostAddresses.of(host) + "]";
            String reason = generated.reason();
            if ("toomanyconn".equals(reason)) {
                return "host " + hostName + " refused to talk to me: " + event.diagnostic();
            }
            return "host " + hostName + " said: " + event.diagnostic() + " (in reply to " + command(reason) + " command)";
        }

        private static String command(String reason) {
            return switch (reason) {
                case "blocked", "badreputation", "requireptr" -> "MAIL FROM";
                case "spamdetected", "policyviolation", "authfailure", "systemerror", "systemfull" -> "end of DATA";
                default -> "RCPT TO";
            };
        }

        /** Postfix always logs a status: the reply's, else one made from the reply code's class. */
        private static String dsn(DeliveryEvent event) {
            if (event.enhancedStatus() != null) {
                return event.enhancedStatus();
            }
            return switch (event.type()) {
                case DELIVERED -> "2.0.0";
                case DEFERRED -> "4.0.0";
                default -> event.smtpCode() == null ? "5.0.0" : event.smtpCode().charAt(0) + ".0.0";
            };
        }

        /** {@code Nov 16 09:14:10 mta1 }: syslog's time has no year and no zone. */
        private String syslogPrefix(DeliveryEvent event) {
            String instant = iso.format(event.timestamp().getEpochSecond());
            int month = Integer.parseInt(instant.substring(5, 7));
            int day = Integer.parseInt(instant.substring(8, 10));
            return MONTHS[month - 1] + (day < 10 ? "  " : " ") + day + " " + instant.substring(11, 19) + " " + host(event) + " ";
        }

        private static String host(DeliveryEvent event) {
            return "mta" + (1 + Math.floorMod(event.account().hashCode(), 2));
        }

        private static String sender(DeliveryEvent event) {
            return "bounces@" + SenderAccount.sendingDomainOf(event.account());
        }

        /**
         * 13 hex digits from a bijective scramble of the message number (the id's leading digits, below 2^51),
         * so no two messages share a queue id; the bounce notification's id sets bit 51.
         */
        private static String queueId(String messageId, int kind) {
            long number = Long.parseLong(messageId, 0, messageId.indexOf('.'), 10);
            long x = kind == NOTIFICATION ? number | 1L << 51 : number;
            x = x * 0x9E3779B97F4A7C15L & QUEUE_ID_MASK;
            x ^= x >>> 26;
            x = x * 0xBF58476D1CE4E5B9L & QUEUE_ID_MASK;
            return String.format(Locale.ROOT, "%013X", x);
        }

        private static int pid(DeliveryEvent event, int salt) {
            return 1000 + (int) Math.floorMod(SeededRandom.mix(event.messageId().hashCode(), event.timestamp().getEpochSecond(), salt), 30_000L);
        }

        private static int qmgrPid(DeliveryEvent event) {
            return 900 + Math.floorMod(event.account().hashCode(), 2);
        }

        private void line(String text) throws IOException {
            writer.append(text).append('\n');
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
