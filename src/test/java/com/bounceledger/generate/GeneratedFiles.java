package com.bounceledger.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads generated files back, strictly, independently of the generator's code. */
final class GeneratedFiles {

    static final String HEADER = "timestamp,account,campaign,message_id,recipient,event,smtp_code,enhanced_status,diagnostic,remote_mta";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> EVENTS = List.of("sent", "delivered", "bounced", "deferred", "opened", "clicked",
            "unsubscribed", "complained");

    private GeneratedFiles() {
    }

    /** @return the data records of every file of the day, in file name order */
    static List<List<String>> dayRecords(Path day) throws IOException {
        List<List<String>> records = new ArrayList<>();
        for (Path file : files(day)) {
            records.addAll(records(file));
        }
        return records;
    }

    static List<Path> files(Path day) throws IOException {
        try (Stream<Path> files = Files.list(day)) {
            return files.sorted().toList();
        }
    }

    /** Parses a gzipped canonical file as strict RFC 4180: UTF-8, CRLF line ends, the exact header. */
    static List<List<String>> records(Path gz) throws IOException {
        String text = decodeUtf8(gunzip(gz));
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(HEADER);
        List<List<String>> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            records.add(parseStrict(lines[i]));
        }
        return records;
    }

    /** A usable row, by the job's rules (SPEC 2.4), judged without the generator's help. */
    static boolean isGood(List<String> record) {
        if (record.size() != 10 || record.get(4).isEmpty() || !EVENTS.contains(record.get(5))
                || !ADDRESS.matcher(record.get(4)).matches()) {
            return false;
        }
        try {
            Instant.parse(record.get(0));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Properties truth(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    static long count(Properties truth, String key) {
        return Long.parseLong(truth.getProperty(key));
    }

    private static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static List<String> parseStrict(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    assertThat(i).as("unterminated quote in %s", line).isLessThan(line.length());
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                assertThat(i == line.length() || line.charAt(i) == ',').as("text after a closing quote in %s", line).isTrue();
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    assertThat(line.charAt(i)).as("bare quote in %s", line).isNotEqualTo('"');
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i == line.length()) {
                return fields;
            }
            i++;
        }
    }
}
