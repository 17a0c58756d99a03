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

/**
 * The canonical delivery log of SPEC 2.1: RFC 4180 CSV (CRLF line ends), UTF-8, header row, times in UTC.
 * A delivery is logged with its reply code and status but without the reply's text (as ESP exports
 * do): that text is mostly server-generated ids, which would double the size of the gzipped files.
 */
final class CanonicalCsvFormat implements LogFormat {

    static final String HEADER = "timestamp,account,campaign,message_id,recipient,event,smtp_code,enhanced_status,diagnostic,remote_mta";

    @Override
    public String name() {
        return "canonical";
    }

    @Override
    public boolean shows(EventType type, boolean returnedLater) {
        return true;
    }

    @Override
    public String fileName(LocalDate day, int part) {
        return String.format(Locale.ROOT, "deliveries-%s-%02d.csv.gz", day, part);
    }

    @Override
    public LogWriter open(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write("\r\n");
        return new CanonicalWriter(writer);
    }

    private static final class CanonicalWriter implements LogWriter {
        private final Writer writer;
        private final IsoSeconds timestamps = new IsoSeconds();
        private final StringBuilder row = new StringBuilder(512);

        CanonicalWriter(Writer writer) {
            this.writer = writer;
        }

        @Override
        public int write(GeneratedEvent generated) throws IOException {
            DeliveryEvent event = generated.event();
            writeRow(timestamps.format(event.timestamp().getEpochSecond()), event.recipient(), event.type().label(), event, 10);
            return 1;
        }

        @Override
        public int writeBroken(GeneratedEvent basis, BrokenRow kind) throws IOException {
            DeliveryEvent event = basis.event();
            String timestamp = timestamps.format(event.timestamp().getEpochSecond());
            String recipient = event.recipient();
            String label = event.type().label();
            int variant = Math.floorMod(event.messageId().hashCode(), 3);
            switch (kind) {
                case MISSING_RECIPIENT -> writeRow(timestamp, "", label, event, 10);
                case BAD_TIMESTAMP -> writeRow(badTimestamp(timestamp, variant), recipient, label, event, 10);
                case UNKNOWN_EVENT -> writeRow(timestamp, recipient, new String[]{"soft_bounce", "processed", "dropped"}[variant], event, 10);
                case INVALID_ADDRESS -> writeRow(timestamp, invalidAddress(recipient, variant), label, event, 10);
                case WRONG_COLUMN_COUNT -> writeRow(timestamp, recipient, label, event, variant == 0 ? 11 : 8);
            }
            return 1;
        }

        /** Export mistakes: a local time without offset, a European date, an hour that does not exist. */
        private static String badTimestamp(String timestamp, int variant) {
            return switch (variant) {
                case 0 -> timestamp.substring(0, 10) + ' ' + timestamp.substring(11, 19);
                case 1 -> timestamp.substring(8, 10) + '/' + timestamp.substring(5, 7) + '/' + timestamp.substring(0, 4)
                        + ' ' + timestamp.substring(11, 16);
                default -> timestamp.substring(0, 11) + "25" + timestamp.substring(13);
            };
        }

        private static String invalidAddress(String recipient, int variant) {
            return switch (variant) {
                case 0 -> recipient.replace("@", "@@");
                case 1 -> recipient.replace('@', '.');
                default -> recipient.replace("@", " @");
            };
        }

        /** @param columns how many columns to write: ten, except in a broken row (an extra empty one, or two missing) */
        private void writeRow(String timestamp, String recipient, String eventLabel, DeliveryEvent event, int columns)
                throws IOException {
            row.setLength(0);
            String diagnostic = event.type() == EventType.DELIVERED ? null : event.diagnostic();
            String[] fields = {timestamp, event.account(), event.campaign(), event.messageId(), recipient, eventLabel,
                    event.smtpCode(), event.enhancedStatus(), diagnostic, event.remoteMta()};
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    row.append(',');
                }
                row.append(CsvWriter.escape(i < fields.length ? fields[i] : null));
            }
            writer.append(row).append("\r\n");
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
