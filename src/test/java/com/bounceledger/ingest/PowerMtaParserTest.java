package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The example records of {@code shared/formats/README.md} and their broken variants. */
class PowerMtaParserTest {

    static final String HEADER = "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,"
            + "bounceCat,vmta,jobId,envId,header_Message-Id";

    private final ParserSettings settings = ParserSettings.defaults(LocalDate.of(2026, 11, 21));
    private final LogRecordParser parser = LogFormat.POWERMTA.parser(HEADER, settings, null);

    @Test
    void aDeliveryIsAnAttemptWithTheRemoteHostAndTheMessageIdPerRecipient() {
        DeliveryEvent event = parseOne("d,2026-11-21 03:14:15+0100,2026-11-21 03:14:12+0100,bounces@news.example,"
                + "Ann@Gmail.com,,relayed,2.0.0 (success),smtp;250 2.0.0 OK 1732158855 x12si - gsmtp,"
                + "gmail-smtp-in.l.google.com (142.250.0.26),,vmta-acct7,spring-sale,,<a1.b2@news.example>");

        assertThat(event).isEqualTo(new DeliveryEvent(Instant.parse("2026-11-21T02:14:15Z"), "vmta-acct7", "spring-sale",
                "a1.b2@news.example/ann@gmail.com", "ann@gmail.com", EventType.DELIVERED, "250", "2.0.0",
                "250 2.0.0 OK 1732158855 x12si - gsmtp", "gmail-smtp-in.l.google.com", null, true));
    }

    @Test
    void aBounceSplitsTheDiagnosticAndKeepsTheBounceCategoryAsAHint() {
        DeliveryEvent event = parseOne("b,2026-11-21 03:16:40+0000,2026-11-21 03:16:38+0000,bounces@news.example,"
                + "carl@outlook.com,,failed,5.5.0 (other or undefined protocol status),smtp;550 5.5.0 Requested action"
                + " not taken: mailbox unavailable,outlook-com.olc.protection.outlook.com (52.101.68.0),bad-mailbox,"
                + "vmta-acct7,spring-sale,,<a3.b2@news.example>");

        assertThat(event.type()).isEqualTo(EventType.BOUNCED);
        assertThat(event.smtpCode()).isEqualTo("550");
        assertThat(event.enhancedStatus()).isEqualTo("5.5.0");
        assertThat(event.diagnostic()).isEqualTo("550 5.5.0 Requested action not taken: mailbox unavailable");
        assertThat(event.bounceHint()).isEqualTo("bad-mailbox");
        assertThat(event.attempt()).isTrue();
    }

    @Test
    void aRemoteBounceAndAFeedbackRecordAreNotAttempts() {
        DeliveryEvent remote = parseOne("rb,2026-11-21 05:02:11+0000,2026-11-21 03:17:00+0000,bounces@news.example,"
                + "dora@firma.example,,failed,5.2.2 (mailbox full),smtp;552 5.2.2 Postfach voll / mailbox full,,"
                + "quota-issues,vmta-acct7,spring-sale,,<a4.b2@news.example>");
        DeliveryEvent feedback = parseOne("f,2026-11-21 09:40:00+0000,,,erik@aol.com,,,,,,,vmta-acct7,spring-sale,,"
                + "<a5.b2@news.example>");

        assertThat(remote.type()).isEqualTo(EventType.BOUNCED);
        assertThat(remote.attempt()).isFalse();
        assertThat(remote.remoteMta()).isNull();
        assertThat(feedback.type()).isEqualTo(EventType.COMPLAINED);
        assertThat(feedback.attempt()).isFalse();
        assertThat(feedback.messageId()).isEqualTo("a5.b2@news.example/erik@aol.com");
    }

    @Test
    void otherRecordTypesAreIgnoredAndARepeatedHeaderGivesTheParserOfTheRowsAfterIt() {
        List<DeliveryEvent> events = new ArrayList<>();
        RawRecord repeated = new RawRecord(3, "type,timeLogged,rcpt,jobId", null);
        parser.parse(new RawRecord(2, "r,2026-11-21 03:00:00+0000,,,ann@x.com,,,,,,,,,,", null), events);
        parser.parse(repeated, events);
        LogRecordParser after = parser.after(repeated);
        after.parse(new RawRecord(4, "d,2026-11-21 03:00:00+0000,ann@x.com,autumn", null), events);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.campaign()).isEqualTo("autumn");
            assertThat(event.account()).isEqualTo("default");
        });
        byte[] bytes = repeated.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(parser.mayRedefine(bytes, 0, bytes.length)).isTrue();
        assertThat(parser.mayRedefine(bytes, 1, bytes.length)).isFalse();
        RawRecord row = new RawRecord(5, "d,2026-11-21 03:00:00+0000,,,ann@x.com,,,,,,,,,,", null);
        assertThat(parser.after(row)).isSameAs(parser);
        assertThatThrownBy(() -> parser.after(new RawRecord(6, "type,timeLogged,jobId", null)))
                .isInstanceOf(InputFormatException.class).hasMessage("missing required field(s) rcpt");
    }

    @Test
    void campaignAndAccountColumnsAreConfigurableAndTheIdIsDerivedStablyWithoutAMessageIdColumn() {
        ParserSettings custom = new ParserSettings(settings.runDate(), settings.zone(),
                new ParserSettings.PowerMtaColumns(List.of("header_X-Campaign", "jobId"), List.of("header_X-Account", "vmta"),
                        "header_Message-Id"), MessageIdPattern.NONE);
        LogRecordParser withHeaders = LogFormat.POWERMTA.parser(
                "type,timeLogged,timeQueued,orig,rcpt,vmta,jobId,header_X-Campaign,header_X-Account", custom, null);
        String queued = "t,2026-11-21 04:00:00+0000,2026-11-21 03:59:00+0000,bounces@a.example,ann@x.com,vmta1,job9,";

        DeliveryEvent first = parseOne(withHeaders, queued + "winter,acme");
        DeliveryEvent second = parseOne(withHeaders, queued.replace("04:00:00", "05:00:00") + ",");

        assertThat(first.campaign()).isEqualTo("winter");
        assertThat(first.account()).isEqualTo("acme");
        assertThat(second.campaign()).isEqualTo("job9");
        assertThat(second.account()).isEqualTo("vmta1");
        assertThat(first.messageId()).isEqualTo(second.messageId())
                .isEqualTo("2026-11-21T03:59:00+0000.bounces@a.example@powermta/ann@x.com");
    }

    @Test
    void rejectsUnusableRecordsWithTheirReason() {
        String good = "d,2026-11-21 03:14:15+0000,,,ann@x.com,,relayed,2.0.0 (success),smtp;250 ok,,,v,j,,<m1@x>";
        assertThat(parseOne(good).recipient()).isEqualTo("ann@x.com");
        assertRejected(good.replace("ann@x.com", ""), "missing rcpt");
        assertRejected(good.replace("ann@x.com", "ann@@x.com"), "invalid address");
        assertRejected(good.replace("03:14:15", "25:14:15"), "bad timeLogged '2026-11-21 25:14:15+0000'");
        assertRejected(good.replace("+0000", ""), "bad timeLogged '2026-11-21 03:14:15'");
        assertRejected("d,2026-11-21 03:14:15+0000,,,ann@x.com,,relayed", "expected 15 fields, found 7");
    }

    @Test
    void aHeaderWithoutTheRequiredFieldsIsUnusable() {
        assertThatThrownBy(() -> LogFormat.POWERMTA.parser("type,timeLogged,dsnStatus", settings, null))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("missing required field(s) rcpt");
    }

    @Test
    void theFormatIsRecognisedFromItsHeader() {
        assertThat(LogFormat.detect(HEADER)).isEqualTo(LogFormat.POWERMTA);
        assertThat(LogFormat.detect("Nov 21 03:14:10 mta1 postfix/cleanup[21001]: 4F3A21C0B2: message-id=<a@b>"))
                .isEqualTo(LogFormat.POSTFIX);
        assertThat(LogFormat.detect("timestamp,account,campaign,message_id,recipient,event")).isEqualTo(LogFormat.CANONICAL);
        assertThat(LogFormat.detect("hello world")).isNull();
    }

    private void assertRejected(String record, String reason) {
        assertThatThrownBy(() -> parseOne(record)).isInstanceOf(RowRejectedException.class).hasMessage(reason);
    }

    private DeliveryEvent parseOne(String record) {
        return parseOne(parser, record);
    }

    private static DeliveryEvent parseOne(LogRecordParser parser, String record) {
        List<DeliveryEvent> events = new ArrayList<>();
        parser.parse(new RawRecord(2, record, null), events);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
