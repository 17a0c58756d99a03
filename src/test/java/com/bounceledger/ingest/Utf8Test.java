package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void agreesWithTheJdksStrictDecoderOnEveryShortSequenceAroundTheBoundaries() {
        int[] interesting = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
                0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
        for (int a : interesting) {
            for (int b : interesting) {
                for (int c : interesting) {
                    for (int d : interesting) {
                        byte[] bytes = {(byte) a, (byte) b, (byte) c, (byte) d};
                        for (int length = 1; length <= 4; length++) {
                            if (Utf8.isValid(bytes, 0, length) != jdkAccepts(bytes, length)) { // formatted only then
                                fail(String.format("%02x %02x %02x %02x, %d bytes", a, b, c, d, length));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void agreesWithTheJdkOnRandomTextWithSomeBrokenBytes() {
        Random random = new Random(7);
        byte[] text = "Grüße, 日本語, Привет, 😀 and plain ASCII".getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = text.clone();
            for (int k = random.nextInt(3); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int from = random.nextInt(4);
            int length = bytes.length - from - random.nextInt(4);
            assertThat(Utf8.isValid(bytes, from, length)).isEqualTo(jdkAccepts(slice(bytes, from, length), length));
        }
    }

    @Test
    void asciiIsBytesBelow0x80() {
        byte[] bytes = "abc\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isAscii(bytes, 0, 3)).isTrue();
        assertThat(Utf8.isAscii(bytes, 0, 4)).isFalse();
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(bytes, from, slice, 0, length);
        return slice;
    }

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Through CoderResult rather than exceptions: a million malformed inputs would take seconds otherwise. */
    private boolean jdkAccepts(byte[] bytes, int length) {
        CharBuffer chars = CharBuffer.allocate(length);
        strict.reset();
        return !strict.decode(ByteBuffer.wrap(bytes, 0, length), chars, true).isError() && !strict.flush(chars).isError();
    }
}
