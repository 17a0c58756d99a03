package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RawRecordSourceTest {

    @Test
    void quotedLineBreaksStayInOneRecordAndLinesAreCountedPhysically() throws IOException {
        List<RawRecord> records = readAll("a,b\r\n1,\"two\nlines\"\n\n3,x\n", true, 100);

        assertThat(records).containsExactly(
                new RawRecord(1, "a,b", null),
                new RawRecord(2, "1,\"two\nlines\"", null),
                new RawRecord(5, "3,x", null));
    }

    @Test
    void anOverLongLineIsRejectedAndReadingGoesOnAtTheNextLine() throws IOException {
        List<RawRecord> records = readAll("short\n" + "x".repeat(30) + "\nnext\n", false, 16);

        assertThat(records.get(1).error()).isEqualTo("line over 0 KiB");
        assertThat(records.get(1).text()).hasSize(16);
        assertThat(records.get(2)).isEqualTo(new RawRecord(3, "next", null));
    }

    @Test
    void recordsAcrossTheReadBufferAndAtItsLimitAreWhole() throws IOException {
        String longRecord = "y".repeat(100_000);
        String exactlyMax = "z".repeat(16);
        List<RawRecord> records = readAll(longRecord + "\n" + exactlyMax + "\r\n" + exactlyMax + "z\nend", true, 100_000);

        assertThat(records).containsExactly(new RawRecord(1, longRecord, null), new RawRecord(2, exactlyMax, null),
                new RawRecord(3, exactlyMax + "z", null), new RawRecord(4, "end", null));
        assertThat(readAll(exactlyMax + "\n" + exactlyMax + "z\n", false, 16)).extracting(RawRecord::error)
                .containsExactly(null, "line over 0 KiB");
    }

    @Test
    void anUnclosedQuoteCannotSwallowTheFile() throws IOException {
        List<RawRecord> records = readAll("1,\"open\n" + "x\n".repeat(20) + "last\n", true, 16);

        assertThat(records.get(0).error()).startsWith("line over");
        assertThat(records).extracting(RawRecord::text).contains("last");
    }

    @Test
    void invalidUtf8RejectsOnlyItsRecord() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("ok,é\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
        bytes.write("Привет,日本\n".getBytes(StandardCharsets.UTF_8));

        List<RawRecord> records = readAll(bytes.toByteArray(), true, 100);

        assertThat(records.get(0)).isEqualTo(new RawRecord(1, "ok,é", null));
        assertThat(records.get(1).error()).isEqualTo("invalid UTF-8");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2)).isEqualTo(new RawRecord(3, "Привет,日本", null));
    }

    @Test
    void aRestartSkipsToTheCheckpointOffsetAndLine() throws IOException {
        byte[] content = "h\nr1\n\"r\n2\"\nr3\nr4\n".getBytes(StandardCharsets.UTF_8);
        RawRecordSource first = new RawRecordSource(new ByteArrayInputStream(content), true, 100, 0, 1);
        first.next();
        first.next();
        first.next();
        long offset = first.offset();
        long line = first.nextLine();

        RawRecordSource resumed = new RawRecordSource(new ByteArrayInputStream(content), true, 100, 0, 1);
        resumed.next(); // the header, read again at every open
        resumed.skipTo(offset, line);

        assertThat(resumed.next()).isEqualTo(new RawRecord(5, "r3", null));
        assertThat(resumed.next()).isEqualTo(new RawRecord(6, "r4", null));
        assertThat(resumed.next()).isNull();
    }

    private static List<RawRecord> readAll(String content, boolean quoted, int max) throws IOException {
        return readAll(content.getBytes(StandardCharsets.UTF_8), quoted, max);
    }

    private static List<RawRecord> readAll(byte[] content, boolean quoted, int max) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (RawRecordSource source = new RawRecordSource(new ByteArrayInputStream(content), quoted, max, 0, 1)) {
            for (RawRecord record; (record = source.next()) != null; ) {
                records.add(record);
            }
        }
        return records;
    }
}
