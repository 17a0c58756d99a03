package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The example lines of {@code shared/formats/README.md}, the queue-id join and the syslog time rules. */
class PostfixLogParserTest {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 21);

    private final PostfixQueue queue = new PostfixQueue();
    private ParserSettings settings = ParserSettings.defaults(RUN_DATE);
    private LogRecordParser parser = LogFormat.POSTFIX.parser(null, settings, queue);
    private final List<DeliveryEvent> events = new ArrayList<>();

    @Test
    void aBounceJoinsItsCleanupLineAndKeepsTheReplyWithItsContext() {
        parse("Nov 21 03:14:10 mta1 postfix/cleanup[21001]: 4F3A21C0B2: message-id=<a6.b2@news.example>");
        parse("Nov 21 03:14:10 mta1 postfix/qmgr[900]: 4F3A21C0B2: from=<bounces@news.example>, size=24310, nrcpt=1 (queue active)");
        parse("Nov 21 03:14:12 mta1 postfix/smtp[21044]: 4F3A21C0B2: to=<Fia@gmail.com>, relay=gmail-smtp-in.l.google.com"
                + "[142.250.0.26]:25, delay=2.1, delays=0.1/0/0.6/1.4, dsn=5.1.1, status=bounced (host gmail-smtp-in.l."
                + "google.com[142.250.0.26] said: 550-5.1.1 The email account that you tried to reach does not exist."
                + " (in reply to RCPT TO command))");
        parse("Nov 21 03:14:12 mta1 postfix/qmgr[900]: 4F3A21C0B2: removed");

        assertThat(events).containsExactly(new DeliveryEvent(Instant.parse("2026-11-21T03:14:12Z"), "default", "unknown",
                "a6.b2@news.example/fia@gmail.com", "fia@gmail.com", EventType.BOUNCED, "550", "5.1.1",
                "550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)",
                "gmail-smtp-in.l.google.com", null, true));
        assertThat(queue.size()).isZero();
    }

    @Test
    void aQueueIdWithoutCleanupLineGetsAStableDerivedIdThatLaterLinesShare() {
        parse("Nov 21 03:20:31 mta1 postfix/smtp[21050]: 7C1D09E4A1: to=<gus@corp.example>, relay=none, delay=31,"
                + " delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.corp.example[203.0.113.9]:25: Connection timed out)");
        parse("Nov 21 04:20:31 mta1 postfix/smtp[21050]: 7C1D09E4A1: to=<gus@corp.example>, relay=mx.corp.example"
                + "[203.0.113.9]:25, delay=3631, delays=3600/0/30/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 12345)");

        assertThat(events).extracting(DeliveryEvent::type).containsExactly(EventType.DEFERRED, EventType.DELIVERED);
        assertThat(events).extracting(DeliveryEvent::messageId)
                .containsOnly("7C1D09E4A1.2026-11-21@postfix/gus@corp.example");
        assertThat(events.get(0).remoteMta()).isNull();
        assertThat(events.get(0).smtpCode()).isNull();
        assertThat(events.get(0).diagnostic()).isEqualTo("connect to mx.corp.example[203.0.113.9]:25: Connection timed out");
        assertThat(events.get(1).smtpCode()).isEqualTo("250");
        assertThat(events.get(1).remoteMta()).isEqualTo("mx.corp.example");
    }

    @Test
    void expiryFailsTheRecipientsStillWaitingAndIsNotAnAttempt() {
        parse("Nov 20 03:25:00 mta1 postfix/cleanup[1]: 2A8F10B7D4: message-id=<m9@news.example>");
        parse("Nov 21 03:25:40 mta1 postfix/smtp[21069]: 2A8F10B7D4: to=<ida@shop.example>, relay=none, delay=431990,"
                + " delays=431989/0.1/1/0, dsn=4.4.1, status=deferred (connect to mx.shop.example[203.0.113.44]:25: Connection refused)");
        parse("Nov 21 03:25:41 mta1 postfix/smtp[21069]: 2A8F10B7D4: to=<jo@shop.example>, relay=none, delay=431990,"
                + " dsn=2.0.0, status=sent (250 ok)");
        parse("Nov 21 03:25:44 mta1 postfix/qmgr[900]: 2A8F10B7D4: from=<bounces@news.example>, status=expired, returned to sender");

        DeliveryEvent expired = events.get(2);
        assertThat(events).hasSize(3);
        assertThat(expired).isEqualTo(new DeliveryEvent(Instant.parse("2026-11-21T03:25:44Z"), "default", "unknown",
                "m9@news.example/ida@shop.example", "ida@shop.example", EventType.BOUNCED, null, "4.4.7",
                "message expired in queue, returned to sender", null, null, false));
    }

    @Test
    void accountAndCampaignComeFromTheMessageIdPattern() {
        settings = new ParserSettings(RUN_DATE, settings.zone(), settings.powerMta(),
                new MessageIdPattern("^\\d+\\.(?<campaign>[^.]+)\\.(?<account>[^@]+)@", "default", "unknown"));
        parser = LogFormat.POSTFIX.parser(null, settings, queue);
        parse("Nov 21 03:14:10 mta1 postfix/cleanup[1]: 0000A: message-id=<2026112100000001.spring.acme@mail.sender.example>");
        parse("Nov 21 03:14:10 mta1 postfix/cleanup[1]: 0000B: message-id=<no-pattern@elsewhere>");
        parse("Nov 21 03:14:12 mta1 postfix/lmtp[2]: 0000A: to=<a@x.com>, relay=lmtp.x.com[10.0.0.1]:24, dsn=2.0.0, status=sent (250 ok)");
        parse("Nov 21 03:14:12 mta1 postfix/error[3]: 0000B: to=<b@x.com>, relay=none, dsn=5.0.0, status=bounced (user unknown)");

        assertThat(events).extracting(DeliveryEvent::account, DeliveryEvent::campaign)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "spring"),
                        org.assertj.core.groups.Tuple.tuple("default", "unknown"));
    }

    @Test
    void queueIdsArePerHostAndOneQueueIdMayHaveSeveralRecipients() {
        parse("Nov 21 03:14:10 mta1 postfix/cleanup[1]: 0000A: message-id=<one@x>");
        parse("Nov 21 03:14:10 mta2 postfix/cleanup[1]: 0000A: message-id=<two@x>");
        parse("Nov 21 03:14:12 mta2 postfix/smtp[2]: 0000A: to=<a@x.com>, relay=mx.x.com[10.0.0.1]:25, dsn=2.0.0, status=sent (250 ok)");
        parse("Nov 21 03:14:12 mta2 postfix/smtp[2]: 0000A: to=<b@x.com>, relay=mx.x.com[10.0.0.1]:25, dsn=2.0.0, status=sent (250 ok)");

        assertThat(events).extracting(DeliveryEvent::messageId).containsExactly("two@x/a@x.com", "two@x/b@x.com");
    }

    @Test
    void unrelatedLinesAreIgnored() {
        parse("Nov 21 03:31:00 mta1 postfix/smtpd[3301]: connect from unknown[198.51.100.3]");
        parse("Nov 21 03:31:00 mta1 postfix/smtpd[3301]: NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 denied");
        parse("Nov 21 03:31:01 mta1 CRON[77]: (root) CMD (run-parts /etc/cron.hourly)");
        parse("Nov 21 03:31:02 mta1 postfix/smtp[21050]: warning: no MX host for x.example has a valid address record");
        parse("Nov 21 03:31:03 mta1 postfix/bounce[13]: 4F3A21C0B2: sender non-delivery notification: 5F3A21C0B2");
        parse("Nov 21 03:31:04 mta1 postfix/qmgr[900]: 4F3A21C0B2: from=<bounces@news.example>, size=24310, nrcpt=1 (queue active)");

        assertThat(events).isEmpty();
        assertThat(queue.size()).isZero();
    }

    @Test
    void rejectsUnusableDeliveryLinesWithTheirReason() {
        String good = "Nov 21 03:22:05 mta1 postfix/smtp[21061]: 9B2E55F0C3: to=<hal@web.de>, relay=mx-ha03.web.de"
                + "[212.227.15.17]:25, delay=1.0, delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 Requested mail action okay)";
        parse(good);
        assertThat(events).hasSize(1);
        assertRejected(good.replace("hal@web.de", ""), "missing recipient");
        assertRejected(good.replace("hal@web.de", "hal@@web.de"), "invalid address");
        assertRejected(good.replace("status=sent", "status=queued"), "unknown status 'queued'");
        assertRejected(good.substring(0, good.indexOf(", relay=") + 8), "delivery line without status");
        assertRejected(good.replace("03:22:05", "25:22:05"), "bad timestamp 'Nov 21 25:22:05'");
        assertRejected("this is not a log line", "not a syslog line");
        assertThat(events).hasSize(1);
    }

    @Test
    void classicTimestampsTakeTheRunDatesYearAndZoneAcrossMidnightAndNewYear() {
        assertThat(time(LocalDate.of(2026, 11, 21), "UTC", "Nov 22 00:00:05")).isEqualTo("2026-11-22T00:00:05Z");
        assertThat(time(LocalDate.of(2026, 11, 21), "Europe/Amsterdam", "Nov 21 03:14:15")).isEqualTo("2026-11-21T02:14:15Z");
        assertThat(time(LocalDate.of(2027, 1, 1), "UTC", "Dec 31 23:59:58")).isEqualTo("2026-12-31T23:59:58Z");
        assertThat(time(LocalDate.of(2026, 12, 31), "UTC", "Jan  1 00:00:02")).isEqualTo("2027-01-01T00:00:02Z");
        assertThat(time(LocalDate.of(2026, 11, 21), "UTC", "2026-11-21T03:30:02.114+01:00")).isEqualTo("2026-11-21T02:30:02Z");
    }

    private String time(LocalDate runDate, String zone, String timestamp) {
        List<DeliveryEvent> out = new ArrayList<>();
        ParserSettings at = new ParserSettings(runDate, ZoneId.of(zone), settings.powerMta(), MessageIdPattern.NONE);
        LogFormat.POSTFIX.parser(null, at, new PostfixQueue()).parse(new RawRecord(1, timestamp
                + " mta1 postfix/smtp[1]: 0000A: to=<a@x.com>, relay=none, dsn=4.4.1, status=deferred (timeout)", null), out);
        return out.get(0).timestamp().toString();
    }

    private void parse(String line) {
        parser.parse(new RawRecord(1, line, null), events);
    }

    private void assertRejected(String line, String reason) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(RowRejectedException.class).hasMessage(reason);
    }
}
