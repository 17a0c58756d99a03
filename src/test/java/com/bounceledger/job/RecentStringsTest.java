package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RecentStringsTest {

    private final RecentStrings recent = new RecentStrings();

    @Test
    void aValueReadAgainIsTheSameString() {
        String first = read("xxacme-outdoorxx", 2, 12);
        String again = read("acme-outdoor", 0, 12);

        assertThat(again).isEqualTo("acme-outdoor").isSameAs(first);
    }

    @Test
    void valuesOfTheSameLengthAreTold() {
        assertThat(read("spring", 0, 6)).isEqualTo("spring");
        assertThat(read("summer", 0, 6)).isEqualTo("summer");
        assertThat(read("spring", 0, 6)).isEqualTo("spring");
    }

    @Test
    void textBeyondAsciiIsDecoded() {
        String first = read("été-宛先", 0, "été-宛先".getBytes(StandardCharsets.UTF_8).length);

        assertThat(first).isEqualTo("été-宛先");
        assertThat(read("été-宛先", 0, "été-宛先".getBytes(StandardCharsets.UTF_8).length)).isSameAs(first);
    }

    /** Sixteen values are kept: a seventeenth pushes out the oldest, which is decoded again, to an equal value. */
    @Test
    void theOldestValueMakesRoomForANewOne() {
        String first = read("campaign-00", 0, 11);
        for (int n = 1; n <= 16; n++) {
            read(String.format("campaign-%02d", n), 0, 11);
        }

        assertThat(read("campaign-00", 0, 11)).isEqualTo(first).isNotSameAs(first);
        assertThat(read("campaign-16", 0, 11)).isSameAs(read("campaign-16", 0, 11));
    }

    private String read(String text, int offset, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return recent.of(bytes, offset, length);
    }
}
