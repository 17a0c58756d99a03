package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockCutterTest {

    private static final int MAX = 200;

    @Test
    void blocksHoldWholeRecordsWithTheLinesTheyStartOn() throws IOException {
        List<RecordBlock> blocks = cut("h\n1,\"two\nlines\"\r\n\n3,x\n4,\"a\"\"b\"\n5\n", true, 2, 1 << 20);

        assertThat(blocks).extracting(RecordBlock::size).containsExactly(2, 2, 1);
        assertThat(records(blocks)).containsExactly(new RawRecord(1, "h", null), new RawRecord(2, "1,\"two\nlines\"", null),
                new RawRecord(5, "3,x", null), new RawRecord(6, "4,\"a\"\"b\"", null), new RawRecord(7, "5", null));
        assertThat(blocks.get(1).firstLine()).isEqualTo(5);
    }

    @Test
    void aBlockEndsOnceItHoldsItsBytesAndAlwaysTakesAtLeastOneRecord() throws IOException {
        List<RecordBlock> blocks = cut("aaaa\nbbbb\ncccccccccc\nd\n", false, 100, 6);

        assertThat(blocks).extracting(RecordBlock::size).containsExactly(2, 1, 1);
    }

    @Test
    void overLongAndInvalidUtf8RecordsRejectOnlyThemselvesAtTheirLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("ok,é\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
        bytes.write(("\"" + "x\n".repeat(150) + "\n").getBytes(StandardCharsets.UTF_8)); // over MAX inside quotes
        bytes.write("Привет,日本\n".getBytes(StandardCharsets.UTF_8));

        List<RawRecord> records = records(cut(bytes.toByteArray(), true, 3, 1 << 20));

        assertThat(records.get(0)).isEqualTo(new RawRecord(1, "ok,é", null));
        assertThat(records.get(1)).isEqualTo(new RawRecord(2, "bad\uFFFD(", "invalid UTF-8"));
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).error()).isEqualTo("line over 0 KiB");
        assertThat(records.get(2).text()).hasSize(MAX);
        // Over the limit a line break ends the record, even inside quotes: the rest of the quoted lines follow.
        assertThat(records.get(3)).isEqualTo(new RawRecord(3 + MAX / 2 + 1, "x", null));
        assertThat(records.get(records.size() - 1)).isEqualTo(new RawRecord(154, "Привет,日本", null));
    }

    /**
     * Blocks of any size, records across the 64 KiB read buffer's edges, quoted line breaks, CRLF, blank, over-long
     * and invalid lines: the records and their lines are those of a plain byte-by-byte reading, and a restart from
     * the offset after any block reads the same records that followed it. After each block, and after a skip, the
     * checksum is the CRC32C of the content before the offset.
     */
    @ParameterizedTest(name = "seed {0}, {1} records or {2} bytes a block, quoted {3}")
    @CsvSource({"1,1,1000000,true", "2,7,1000000,true", "3,1000,4096,true", "4,50,300000,false", "5,3,100,false"})
    void blocksOfAnySizeReadTheRecordsOfOneAtATimeAndRestartExactly(long seed, int records, int bytes, boolean quoted)
            throws IOException {
        byte[] content = randomContent(new Random(seed), 300_000);
        List<RawRecord> oneAtATime = plainReading(content, quoted);
        assertThat(oneAtATime).hasSizeGreaterThan(1000);

        List<RawRecord> cut = new ArrayList<>();
        List<long[]> checkpoints = new ArrayList<>(); // offset and line after each block, and records before
        try (BlockCutter cutter = new BlockCutter(new ByteArrayInputStream(content), quoted, MAX, 0, 1)) {
            for (RecordBlock block; (block = cutter.next(records, bytes)) != null; ) {
                assertThat(block.size()).isBetween(1, records);
                for (int i = 0; i < block.size(); i++) {
                    cut.add(block.record(i));
                }
                checkpoints.add(new long[] {cutter.offset(), cutter.nextLine(), cut.size()});
                assertThat(cutter.checksum()).as("after %d bytes", cutter.offset())
                        .isEqualTo(crc32c(content, cutter.offset()));
            }
            assertThat(cutter.offset()).isEqualTo(content.length);
            assertThat(cutter.checksum()).isEqualTo(crc32c(content, content.length));
        }
        assertThat(cut).isEqualTo(oneAtATime);

        Random pick = new Random(seed);
        for (int n = 0; n < 5; n++) {
            long[] checkpoint = checkpoints.get(pick.nextInt(checkpoints.size()));
            try (BlockCutter resumed = new BlockCutter(new ByteArrayInputStream(content), quoted, MAX, 0, 1)) {
                resumed.skipTo(checkpoint[0], checkpoint[1]);
                assertThat(resumed.checksum()).isEqualTo(crc32c(content, checkpoint[0]));
                List<RawRecord> rest = new ArrayList<>();
                for (RecordBlock block; (block = resumed.next(records, bytes)) != null; ) {
                    for (int i = 0; i < block.size(); i++) {
                        rest.add(block.record(i));
                    }
                }
                assertThat(rest).isEqualTo(oneAtATime.subList((int) checkpoint[2], oneAtATime.size()));
            }
        }
    }

    private static long crc32c(byte[] content, long length) {
        CRC32C crc = new CRC32C();
        crc.update(content, 0, (int) length);
        return crc.getValue();
    }

    @Test
    void anEmptyStreamHasNoBlock() throws IOException {
        assertThat(cut("", true, 10, 100)).isEmpty();
        assertThat(cut("\n\r\n\n", true, 10, 100)).isEmpty();
    }

    /** The rules of SPEC 2.4 and RFC 4180 read byte by byte, the simplest way, with the JDK's strict decoder. */
    private static List<RawRecord> plainReading(byte[] content, boolean quoted) {
        List<RawRecord> records = new ArrayList<>();
        long line = 1;
        int i = 0;
        while (i < content.length) {
            long start = line;
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            boolean inQuotes = false;
            int length = 0;
            for (; i < content.length; i++) {
                byte b = content[i];
                if (b == '\n') {
                    line++;
                    if (!inQuotes || length > MAX) {
                        i++;
                        break;
                    }
                } else if (b == '"' && quoted) {
                    inQuotes = !inQuotes;
                }
                if (length++ < MAX) {
                    record.write(b);
                }
            }
            byte[] bytes = record.toByteArray();
            int kept = bytes.length;
            if (kept > 0 && bytes[kept - 1] == '\r') {
                kept--;
            }
            if (kept > 0 && bytes[kept - 1] == '\n') {
                kept--;
            }
            String lenient = new String(bytes, 0, kept, StandardCharsets.UTF_8);
            if (length > MAX) {
                records.add(new RawRecord(start, lenient, "line over 0 KiB"));
            } else if (kept > 0) {
                try {
                    records.add(new RawRecord(start, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, 0, kept)).toString(), null));
                } catch (CharacterCodingException e) {
                    records.add(new RawRecord(start, lenient, "invalid UTF-8"));
                }
            }
        }
        return records;
    }

    private static byte[] randomContent(Random random, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            int kind = random.nextInt(20);
            String line = switch (kind) {
                case 0 -> "";
                case 1 -> "x".repeat(MAX + random.nextInt(400)); // over-long
                case 2 -> "q,\"multi\nline, \"\"quoted\"\"\nfield\",end";
                case 3 -> "café,naïve,日本語";
                case 5 -> "\"" + "a".repeat(random.nextInt(17)) + "\"\"" + "b".repeat(random.nextInt(9)) + "\n\",x";
                default -> "2026-11-21T08:00:00Z,acct,camp,m" + random.nextInt() + ",user@example.com,sent,,,,";
            };
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (kind == 4) {
                out.writeBytes(new byte[] {',', (byte) 0xE2, (byte) 0x28, (byte) 0xA1}); // invalid UTF-8
            }
            out.writeBytes((random.nextInt(5) == 0 ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("last line without a break".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<RawRecord> records(List<RecordBlock> blocks) {
        List<RawRecord> records = new ArrayList<>();
        for (RecordBlock block : blocks) {
            for (int i = 0; i < block.size(); i++) {
                records.add(block.record(i));
            }
        }
        return records;
    }

    private static List<RecordBlock> cut(String content, boolean quoted, int records, int bytes) throws IOException {
        return cut(content.getBytes(StandardCharsets.UTF_8), quoted, records, bytes);
    }

    private static List<RecordBlock> cut(byte[] content, boolean quoted, int records, int bytes) throws IOException {
        List<RecordBlock> blocks = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(content);
             BlockCutter cutter = new BlockCutter(in, quoted, MAX, 0, 1)) {
            for (RecordBlock block; (block = cutter.next(records, bytes)) != null; ) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
