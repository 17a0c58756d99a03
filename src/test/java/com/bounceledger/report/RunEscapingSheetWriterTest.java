package com.bounceledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/**
 * The run-at-a-time escaping writes exactly the XML of SXSSF's own, whatever the text, and the unlocked buffer
 * passes on every write in order, whatever its size.
 */
class RunEscapingSheetWriterTest {

    @Test
    void escapesEveryTextAsSxssfDoes() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "plain ascii, 550 5.1.1 user unknown",
                "550 5.1.1 <ann@example.com>: Recipient address rejected & \"quoted\"", "<<&&>>\"\"",
                "line one\nline two\r\n\ttabbed", "no\u00a0break", "bell\u0007 nul\u0000 unit\u001f",
                "not XML: \ufffe \uffff", "é ü ß 漢字 ✓", "emoji 😀 pair", "lone \ud800 high, lone \udc00 low",
                "ends with <", "&"));
        Random random = new Random(7);
        for (int t = 0; t < 200; t++) { // every character class mixed, from control characters to surrogates
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(runEscaped(text)).as(text).isEqualTo(sxssfEscaped(text));
        }
        assertThat(runEscaped("a<b\u0001")).isEqualTo("a&lt;b?");
    }

    @Test
    void theUnlockedBufferPassesOnWritesOfEverySizeInOrder() throws IOException {
        StringWriter out = new StringWriter();
        StringBuilder expected = new StringBuilder();
        Random random = new Random(11);
        try (RunEscapingSheetWriter.UnlockedBuffer buffer = new RunEscapingSheetWriter.UnlockedBuffer(out)) {
            for (int i = 0; i < 2_000; i++) {
                // up to twice the buffer's 65,536 chars: small writes fill it, large ones pass it by
                int length = random.nextInt(10) == 0 ? random.nextInt(140_000) : random.nextInt(40);
                String text = Character.toString('a' + i % 26).repeat(length) + i;
                switch (i % 4) {
                    case 0 -> buffer.write(text);
                    case 1 -> buffer.write("<" + text + ">", 1, text.length());
                    case 2 -> buffer.write(text.toCharArray(), 0, text.length());
                    default -> text.chars().forEach(c -> write(buffer, c));
                }
                expected.append(text);
            }
        }
        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void theUnlockedBufferClosedAgainAsSxssfDisposesOfASheetWritesNothingMore() throws IOException {
        StringWriter out = new StringWriter();
        RunEscapingSheetWriter.UnlockedBuffer buffer =
                new RunEscapingSheetWriter.UnlockedBuffer(new BufferedWriter(out));
        buffer.write("<row/>");
        buffer.close();
        buffer.close(); // a closed BufferedWriter refuses any write, even of nothing

        assertThat(out.toString()).isEqualTo("<row/>");
    }

    private static void write(RunEscapingSheetWriter.UnlockedBuffer buffer, int c) {
        try {
            buffer.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String runEscaped(String text) throws IOException {
        StringWriter out = new StringWriter();
        RunEscapingSheetWriter.escape(text, out);
        return out.toString();
    }

    private static String sxssfEscaped(String text) throws IOException {
        StringWriter out = new StringWriter();
        try (SxssfEscaping sxssf = new SxssfEscaping(out)) {
            sxssf.escape(text);
        }
        return out.toString();
    }

    /** SXSSF's own escaping, reached through a subclass. */
    private static final class SxssfEscaping extends SheetDataWriter {

        SxssfEscaping(StringWriter out) throws IOException {
            super(out);
        }

        void escape(String text) throws IOException {
            outputEscapedString(text);
            _out.flush();
        }
    }
}
