package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void eventsComeBackAsWrittenWhateverTheirTextFlagsAndAcrossFlushes() throws IOException {
        List<ClassifiedEvent> written = new ArrayList<>();
        written.add(event("ann@example.com", "550 5.1.1 user unknown", new Classification(Reason.USERUNKNOWN,
                BounceGroup.HARD, null)));
        written.add(event("josé@exämple.de", "552 Postfach voll / 宛先不明 / Нет такого пользователя", null));
        written.add(event("bob@example.com", null, null));
        written.add(event("long@example.com", "x".repeat(EventSpill.MAX_DIAGNOSTIC), null));
        for (int n = 0; n < 2_000; n++) { // past the writer's 32 KiB buffer, many times
            written.add(event("user" + n + "@example.com", n % 7 == 0 ? "délai " + n : "try later " + n, null));
        }
        Path file = folder.resolve("b0.bin");
        SpillBatch batch = new SpillBatch(16);
        for (ClassifiedEvent event : written) {
            EventSpill.write(batch, event.event(), event.classification());
        }
        try (SpillFileWriter out = new SpillFileWriter(file, 0, 1 << 15)) {
            batch.appendTo(new SpillFileWriter[] {out}, 0, 1);
        }

        List<ClassifiedEvent> read = new ArrayList<>();
        EventSpill.readAll(file, read::add);

        assertThat(read).isEqualTo(written);
    }

    private static ClassifiedEvent event(String recipient, String diagnostic, Classification classification) {
        return new ClassifiedEvent(new DeliveryEvent(Instant.ofEpochMilli(1_763_700_000_123L), "acme", "spring",
                "m-" + recipient, recipient, EventType.BOUNCED, "550", "5.1.1", diagnostic, "mx.example.com", null,
                recipient.length() % 2 == 0), classification);
    }
}
