package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

class EventSpillTest {

    @TempDir
    Path folder;

    @Test
    void eventsComeBackAsWrittenWhateverTheirTextFlagsAndAcrossFlushesAndReads() throws IOException {
        List<ClassifiedEvent> written = new ArrayList<>();
        written.add(event("ann@example.com", "550 5.1.1 user unknown", new Classification(Reason.USERUNKNOWN,
                BounceGroup.HARD, null)));
        written.add(event("josé@exämple.de", "552 Postfach voll / 宛先不明 / Нет такого пользователя", null));
        written.add(event("bob@example.com", null, null));
        written.add(event("long@example.com", "x".repeat(EventSpill.MAX_DIAGNOSTIC), null));
        for (int n = 0; n < 2_000; n++) { // past the writer's 32 KiB and the reader's 64 KiB buffers, many times
            written.add(event("user" + n + "@example.com", n % 7 == 0 ? "délai " + n : "try later " + n, null));
        }
        assertThat(readBack(write(written))).isEqualTo(written.stream().map(EventSpillTest::asSettlementSeesIt).toList());
    }

    /** The reply text comes back for the events whose reply settlement shows, and only for them. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void theReplyTextIsKeptForBouncesDeferralsAndComplaintsOnly(EventType type) throws IOException {
        DeliveryEvent event = new DeliveryEvent(Instant.ofEpochMilli(0), "acme", "spring", "m1", "ann@example.com",
                type, "250", "2.0.0", "the reply", "mx.example.com", null, false);

        String diagnostic = readBack(write(List.of(new ClassifiedEvent(event, null)))).get(0).event().diagnostic();

        assertThat(diagnostic).isEqualTo(
                Set.of(EventType.BOUNCED, EventType.DEFERRED, EventType.COMPLAINED).contains(type) ? "the reply" : null);
    }

    @Test
    void aStringLongerThanTheReadersBufferComesBackWhole() throws IOException {
        ClassifiedEvent longCampaign = new ClassifiedEvent(new DeliveryEvent(Instant.ofEpochMilli(0), "acme",
                "c".repeat(200_000), "m1", "ann@example.com", EventType.SENT, null, null, null, null, null, false),
                null);
        List<ClassifiedEvent> written = List.of(event("bob@example.com", "try later", null), longCampaign,
                event("carl@example.com", null, null));
        assertThat(readBack(write(written))).isEqualTo(written.stream().map(EventSpillTest::asSettlementSeesIt).toList());
    }

    @Test
    void aFileCutInsideARecordFailsAsSuch() throws IOException {
        Path file = write(List.of(event("ann@example.com", "550 5.1.1 user unknown", null)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(() -> EventSpill.readAll(file, event -> { }))
                .isInstanceOf(EOFException.class)
                .hasMessage("spill file ends inside a record");
    }

    private static List<ClassifiedEvent> readBack(Path file) throws IOException {
        List<ClassifiedEvent> read = new ArrayList<>();
        EventSpill.readAll(file, read::add);
        return read;
    }

    private Path write(List<ClassifiedEvent> events) throws IOException {
        Path file = folder.resolve("b0.bin");
        SpillBatch batch = new SpillBatch(16);
        for (ClassifiedEvent event : events) {
            EventSpill.write(batch, event.event(), event.classification());
        }
        try (SpillFileWriter out = new SpillFileWriter(file, 0, 1 << 15)) {
            batch.appendTo(new SpillFileWriter[] {out}, 0, 1);
        }
        return file;
    }

    /** The event without what only classification reads: the reply code, enhanced status and remote host. */
    private static ClassifiedEvent asSettlementSeesIt(ClassifiedEvent classified) {
        DeliveryEvent e = classified.event();
        return new ClassifiedEvent(new DeliveryEvent(e.timestamp(), e.account(), e.campaign(), e.messageId(),
                e.recipient(), e.type(), null, null, e.diagnostic(), null, null, e.attempt()),
                classified.classification());
    }

    private static ClassifiedEvent event(String recipient, String diagnostic, Classification classification) {
        return new ClassifiedEvent(new DeliveryEvent(Instant.ofEpochMilli(1_763_700_000_123L), "acme", "spring",
                "m-" + recipient, recipient, EventType.BOUNCED, "550", "5.1.1", diagnostic, "mx.example.com", null,
                recipient.length() % 2 == 0), classification);
    }
}
