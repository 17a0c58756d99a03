package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampTest {

    @Test
    void readsUtcOffsetsAndFractions() {
        assertThat(IsoTimestamp.parse("2026-11-21T03:14:15Z")).isEqualTo(Instant.parse("2026-11-21T03:14:15Z"));
        assertThat(IsoTimestamp.parse("2026-11-21T03:14:15+01:00")).isEqualTo(Instant.parse("2026-11-21T02:14:15Z"));
        assertThat(IsoTimestamp.parse("2026-11-21T23:30:00-05:30")).isEqualTo(Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(IsoTimestamp.parse("2026-11-21T03:14:15.5Z")).isEqualTo(Instant.parse("2026-11-21T03:14:15.500Z"));
        assertThat(IsoTimestamp.parse("2026-11-21T03:14:15.123456789+00:00"))
                .isEqualTo(Instant.parse("2026-11-21T03:14:15.123456789Z"));
        assertThat(IsoTimestamp.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(IsoTimestamp.parse("1969-12-31T23:59:59Z")).isEqualTo(Instant.ofEpochSecond(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21t03:14:15z", "2026-11-21T03:14Z", "2026-11-21T03:14:15+01:00:30",
            "2026-11-21T03:14:15.Z", "2026-11-21T03:14:15-18:00", "+12026-11-21T03:14:15Z", "0000-03-01T00:00:00Z"})
    void agreesWithTheJdkOnTheRarerForms(String text) {
        assertThat(IsoTimestamp.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-21", "2026-11-21T03:14:15", "2026-11-21 03:14:15Z",
            "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T03:60:00Z", "2026-11-21T03:14:60Z",
            "2026-11-21T03:14:15+0100", "2026-11-21T03:14:15.1234567890Z", "2026-11-21T03:14:15+19:00",
            "2026-11-21T03:14:15+01:60", "2026-11-21T03:14:15+1:00", "2026-11-21T03:14:15ZZ", "2026-1a-21T03:14:15Z",
            "2026-11-21T03:14:15 Z", "２０２６-11-21T03:14:15Z"})
    void rejectsWhatIsNotAnIsoDateTimeWithAnOffset(String text) {
        assertThatThrownBy(() -> IsoTimestamp.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheJdkOnRandomInstantsAndOffsets() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            String text = OffsetDateTime.ofInstant(instant, offset).toString();
            assertThat(IsoTimestamp.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }
}
