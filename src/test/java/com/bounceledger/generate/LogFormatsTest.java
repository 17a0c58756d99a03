package com.bounceledger.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same days rendered as canonical CSV, PowerMTA accounting files and Postfix logs. */
class LogFormatsTest {

    private static final String FIRST_DAY = "2026-11-16";
    private static final String SECOND_DAY = "2026-11-17";
    private static final Pattern MESSAGE_ID = Pattern.compile("<(\\d{16})\\.([a-z0-9-]+)\\.([a-z0-9-]+)@mail\\.sender\\.example>");
    private static final Pattern SYSLOG = Pattern.compile(
            "(Nov [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d) mta[12] postfix/(cleanup|qmgr|smtp|bounce)\\[\\d+\\]: ([0-9A-F]{13}): (.*)");

    @TempDir
    Path temp;

    @Test
    void everyFormatAgreesOnWhatHappened() throws IOException {
        for (String day : List.of(FIRST_DAY, SECOND_DAY)) {
            Properties canonical = truth("canonical", day);
            Properties powermta = truth("powermta", day);
            Properties postfix = truth("postfix", day);
            for (String key : List.of("messages.delivered", "messages.deferred", "messages.bounced.hard", "messages.bounced.block")) {
                assertThat(powermta.getProperty(key)).as(day + " powermta " + key).isEqualTo(canonical.getProperty(key));
                assertThat(postfix.getProperty(key)).as(day + " postfix " + key).isEqualTo(canonical.getProperty(key));
            }
            assertThat(powermta.getProperty("messages.complained")).isEqualTo(canonical.getProperty("messages.complained"));
            assertThat(postfix.getProperty("messages.sent")).isEqualTo(canonical.getProperty("messages.sent"));
            assertThat(powermta.getProperty("messages.sent")).isEqualTo("0");
            assertThat(GeneratedFiles.count(powermta, "messages.first_seen")).isPositive();
            assertThat(postfix.getProperty("messages.opened")).isEqualTo("0");
        }
    }

    @Test
    void powerMtaFilesHaveTheAccountingHeaderAndKnownRecordTypes() throws IOException {
        Path day = generate("powermta").resolve("input/" + SECOND_DAY);

        Set<String> types = new HashSet<>();
        for (Path file : GeneratedFiles.files(day)) {
            assertThat(file.getFileName().toString()).startsWith("acct-").endsWith(".csv.gz");
            List<String> lines = lines(file, "\r\n");
            assertThat(lines.get(0)).isEqualTo(PowerMtaFormat.HEADER);
            for (String line : lines.subList(1, lines.size())) {
                List<String> fields = CsvLine.split(line);
                if (fields.size() != 15) {
                    continue;
                }
                types.add(fields.get(0));
                Matcher id = MESSAGE_ID.matcher(fields.get(14));
                assertThat(id.matches()).as(line).isTrue();
                assertThat(fields.get(11)).isEqualTo(id.group(3));
                assertThat(fields.get(12)).isEqualTo(id.group(2));
            }
        }
        assertThat(types).containsExactlyInAnyOrder("d", "t", "b", "rb", "f");
    }

    @Test
    void postfixLinesJoinTheirMessageIdByQueueId() throws IOException {
        Path run = generate("postfix");

        Set<String> queuesWithMessageId = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        List<String> deliveryQueueIds = new ArrayList<>();
        for (String day : List.of(FIRST_DAY, SECOND_DAY)) {
            for (Path file : GeneratedFiles.files(run.resolve("input/" + day))) {
                assertThat(file.getFileName().toString()).startsWith("mail-").endsWith(".log.gz");
                for (String line : lines(file, "\n")) {
                    Matcher syslog = SYSLOG.matcher(line);
                    if (!syslog.matches()) {
                        continue;
                    }
                    String message = syslog.group(4);
                    if (syslog.group(2).equals("cleanup")) {
                        assertThat(MESSAGE_ID.matcher(message.substring("message-id=".length())).matches()).as(line).isTrue();
                        queuesWithMessageId.add(syslog.group(3));
                    } else if (syslog.group(2).equals("smtp") && message.contains(", status=")) {
                        deliveryQueueIds.add(syslog.group(3));
                        statuses.add(message.replaceAll(".*, status=(\\w+) .*", "$1"));
                    } else if (message.contains("status=expired")) {
                        statuses.add("expired");
                    }
                }
            }
        }
        assertThat(statuses).contains("sent", "deferred", "bounced", "expired");
        assertThat(deliveryQueueIds).isNotEmpty();
        assertThat(queuesWithMessageId).as("every delivery line joins a cleanup line of the generated days")
                .containsAll(deliveryQueueIds);
    }

    private Properties truth(String format, String day) throws IOException {
        Path run = temp.resolve(format);
        if (!Files.exists(run)) {
            generate(format);
        }
        return GeneratedFiles.truth(run.resolve("truth/truth-" + day + ".properties"));
    }

    private Path generate(String format) {
        Path root = temp.resolve(format);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(new String[]{"--start", FIRST_DAY, "--days", "2", "--messages", "6000",
                        "--format", format, "--out", root.resolve("input").toString(), "--truth", root.resolve("truth").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return root;
    }

    private static List<String> lines(Path gz, String separator) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split(separator));
        }
    }
}
