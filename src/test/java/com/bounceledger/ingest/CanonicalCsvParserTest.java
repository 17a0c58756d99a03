package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CanonicalCsvParserTest {

    private final CanonicalCsvParser parser = new CanonicalCsvParser(
            "remote_mta,Event,recipient,timestamp,message_id,campaign,account,diagnostic,enhanced_status,smtp_code,extra");

    @Test
    void findsColumnsByNameInAnyOrderAndNormalizesTheAddress() {
        DeliveryEvent event = parse("mx.web.de,bounced, Hal@WEB.de ,2026-11-21T03:14:15+01:00,<m1@x>,spring,acme,"
                + "\"552 5.2.2 Postfach voll, mailbox full\",5.2.2,552,ignored");

        assertThat(event).isEqualTo(new DeliveryEvent(Instant.parse("2026-11-21T02:14:15Z"), "acme", "spring",
                "<m1@x>", "hal@web.de", EventType.BOUNCED, "552", "5.2.2", "552 5.2.2 Postfach voll, mailbox full",
                "mx.web.de", null, false));
    }

    @Test
    void rejectsUnusableRowsWithTheirReason() {
        assertRejected(",sent,ann@x.com,2026-11-21T03:00:00Z,m1,c,a,,,,", null);
        assertRejected(",sent,ann@x.com,2026-11-21T03:00:00Z,m1,c,a,,,", "expected 11 columns, found 10");
        assertRejected(",sent,ann@x.com,yesterday,m1,c,a,,,,", "bad timestamp 'yesterday'");
        assertRejected(",bounce,ann@x.com,2026-11-21T03:00:00Z,m1,c,a,,,,", "unknown event 'bounce'");
        assertRejected(",sent,ann.x.com,2026-11-21T03:00:00Z,m1,c,a,,,,", "invalid address");
        assertRejected(",sent,ann@x.com,2026-11-21T03:00:00Z,m1,c, ,,,,", "missing account");
        assertRejected(",sent,\"ann@x.com,2026-11-21T03:00:00Z,m1,c,a,,,,", "unterminated quoted field");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsUnusable() {
        assertThatThrownBy(() -> new CanonicalCsvParser("timestamp,recipient,event,message_id"))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("missing required column(s) account, campaign");
    }

    private void assertRejected(String row, String reason) {
        if (reason == null) {
            assertThat(parse(row).recipient()).isEqualTo("ann@x.com");
            return;
        }
        assertThatThrownBy(() -> parse(row)).isInstanceOf(RowRejectedException.class).hasMessage(reason);
    }

    private DeliveryEvent parse(String row) {
        List<DeliveryEvent> events = new ArrayList<>();
        parser.parse(new RawRecord(2, row, null), events);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
