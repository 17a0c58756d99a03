package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.ingest.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    private static final String START = "2026-11-16";

    @TempDir
    Path temp;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        Path first = generate("a", "--seed", "7", "--days", "2", "--messages", "2000");
        Path second = generate("b", "--seed", "7", "--days", "2", "--messages", "2000");

        List<Path> firstFiles = allFiles(first);
        assertThat(firstFiles).hasSize(2 * 2 + 2);
        for (Path file : firstFiles) {
            assertThat(Files.readAllBytes(second.resolve(first.relativize(file)))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        Path first = generate("a", "--seed", "7", "--messages", "2000");
        Path second = generate("b", "--seed", "8", "--messages", "2000");

        Path file = first.resolve("input/" + START + "/deliveries-" + START + "-01.csv.gz");
        assertThat(Files.readAllBytes(second.resolve(first.relativize(file)))).isNotEqualTo(Files.readAllBytes(file));
    }

    @Test
    void truthMatchesTheRowsWritten() throws IOException {
        Path run = generate("run", "--days", "3", "--messages", "4000", "--bad-rate", "0.005");

        for (int day = 0; day < 3; day++) {
            String date = LocalDate.parse(START).plusDays(day).toString();
            Properties truth = GeneratedFiles.truth(run.resolve("truth/truth-" + date + ".properties"));
            List<List<String>> records = GeneratedFiles.dayRecords(run.resolve("input/" + date));
            Map<String, Long> events = new HashMap<>();
            Map<String, Set<String>> messages = new HashMap<>();
            long bad = 0;
            for (List<String> record : records) {
                if (!GeneratedFiles.isGood(record)) {
                    bad++;
                    continue;
                }
                events.merge(record.get(5), 1L, Long::sum);
                messages.computeIfAbsent(record.get(5), e -> new HashSet<>()).add(record.get(3));
            }
            assertThat(GeneratedFiles.count(truth, "rows")).isEqualTo(records.size());
            assertThat(GeneratedFiles.count(truth, "rows.bad")).isEqualTo(bad);
            for (EventType type : EventType.values()) {
                String label = type.label();
                assertThat(GeneratedFiles.count(truth, "events." + label)).as(date + " events." + label)
                        .isEqualTo(events.getOrDefault(label, 0L));
                assertThat(GeneratedFiles.count(truth, "messages." + label)).as(date + " messages." + label)
                        .isEqualTo(messages.getOrDefault(label, Set.of()).size());
            }
            long byGroup = Arrays.stream(BounceGroup.values())
                    .mapToLong(group -> GeneratedFiles.count(truth, "messages.bounced." + group.label())).sum();
            assertThat(byGroup).isEqualTo(GeneratedFiles.count(truth, "messages.bounced"));
        }
    }

    /**
     * SPEC 4.4 recounted from the files alone: a message that no delivery, open, click or bounce settles is soft
     * bounced on the day when 72 hours have passed since its first event.
     */
    @Test
    void truthCountsTheMessagesWhosePendingExpiryEndsOnTheDay() throws IOException {
        int days = 5;
        Path run = generate("run", "--days", String.valueOf(days), "--messages", "20000");
        Map<String, Long> firstEventAt = new HashMap<>();
        Set<String> settled = new HashSet<>();
        for (int day = 0; day < days; day++) {
            for (List<String> record : GeneratedFiles.dayRecords(run.resolve("input/" + date(day)))) {
                if (GeneratedFiles.isGood(record)) {
                    firstEventAt.merge(record.get(3), Instant.parse(record.get(0)).getEpochSecond(), Math::min);
                    if (Set.of("delivered", "opened", "clicked", "bounced").contains(record.get(5))) {
                        settled.add(record.get(3));
                    }
                }
            }
        }
        for (int day = 0; day < days; day++) {
            long dayStart = LocalDate.parse(date(day)).toEpochDay() * 86_400;
            long expiring = firstEventAt.entrySet().stream()
                    .filter(message -> !settled.contains(message.getKey()))
                    .map(message -> message.getValue() + 72 * 3600)
                    .filter(expiry -> expiry >= dayStart && expiry < dayStart + 86_400)
                    .count();
            Properties truth = GeneratedFiles.truth(run.resolve("truth/truth-" + date(day) + ".properties"));
            assertThat(GeneratedFiles.count(truth, "messages.pending_expired")).as(date(day)).isEqualTo(expiring);
            if (day < 3) {
                assertThat(expiring).as(date(day)).isZero();
            } else {
                assertThat(expiring).as(date(day)).isPositive();
            }
        }
    }

    private static String date(int day) {
        return LocalDate.parse(START).plusDays(day).toString();
    }

    @Test
    void everyEventKindAppears() throws IOException {
        Path run = generate("run", "--days", "2", "--messages", "8000");

        Set<String> kinds = new HashSet<>();
        for (String date : List.of(START, "2026-11-17")) {
            for (List<String> record : GeneratedFiles.dayRecords(run.resolve("input/" + date))) {
                kinds.add(record.get(5));
            }
        }
        assertThat(kinds).containsAll(Arrays.stream(EventType.values()).map(EventType::label).toList());
    }

    @Test
    void badRowsNeverExceedTheirRateAndCoverEveryKind() throws IOException {
        Path run = generate("run", "--days", "2", "--messages", "5000", "--bad-rate", "0.01");

        long rows = 0;
        List<List<String>> badRecords = new ArrayList<>();
        for (String date : List.of(START, "2026-11-17")) {
            for (Path file : GeneratedFiles.files(run.resolve("input/" + date))) {
                List<List<String>> records = GeneratedFiles.records(file);
                long bad = records.stream().filter(record -> !GeneratedFiles.isGood(record)).count();
                assertThat(bad).as(file.toString()).isLessThanOrEqualTo((long) (0.01 * records.size()));
                rows += records.size();
                records.stream().filter(record -> !GeneratedFiles.isGood(record)).forEach(badRecords::add);
            }
        }
        assertThat(badRecords.size()).isGreaterThan((int) (0.005 * rows));
        assertThat(badRecords).anyMatch(record -> record.size() != 10);
        assertThat(badRecords).anyMatch(record -> record.size() == 10 && record.get(4).isEmpty());
        assertThat(badRecords).anyMatch(record -> record.size() == 10 && record.get(5).equals("soft_bounce"));
        assertThat(badRecords).anyMatch(record -> record.size() == 10 && record.get(4).contains("@@"));
        assertThat(badRecords).anyMatch(record -> record.size() == 10 && !record.get(0).endsWith("Z"));
    }

    @Test
    void withoutBadRowsEveryRecordIsAValidTenColumnRow() throws IOException {
        Path run = generate("run", "--messages", "3000", "--bad-rate", "0");

        List<List<String>> records = GeneratedFiles.dayRecords(run.resolve("input/" + START));
        assertThat(records).isNotEmpty().allMatch(GeneratedFiles::isGood);
        assertThat(records).anyMatch(record -> record.get(8).contains(","));
        assertThat(records).anyMatch(record -> record.get(8).chars().anyMatch(c -> c > 127));
    }

    @Test
    void lateOutcomesCrossTheDayBoundary() throws IOException {
        Path run = generate("run", "--days", "2", "--messages", "3000");

        Set<String> sentOnFirstDay = new HashSet<>();
        for (List<String> record : GeneratedFiles.dayRecords(run.resolve("input/" + START))) {
            if (record.get(5).equals("sent")) {
                sentOnFirstDay.add(record.get(3));
            }
        }
        Set<String> lateKinds = new HashSet<>();
        for (List<String> record : GeneratedFiles.dayRecords(run.resolve("input/2026-11-17"))) {
            if (sentOnFirstDay.contains(record.get(3))) {
                lateKinds.add(record.get(5));
            }
        }
        assertThat(lateKinds).contains("delivered", "bounced", "opened");
    }

    @Test
    void someAddressesHardBounceInThreeAccounts() throws IOException {
        int days = 3;
        DeliverySimulation simulation = new DeliverySimulation(42, LocalDate.parse(START), 6000, 3);
        Map<String, Set<String>> accountsByHardBouncedAddress = new HashMap<>();
        for (long day = simulation.startEpochDay(); day < simulation.startEpochDay() + days; day++) {
            simulation.forEachMessage(day, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, life -> {
                for (MessageLife.Event event : life.events()) {
                    if (event.type() == EventType.BOUNCED && BounceReasons.groupOf(event.reason()) == BounceGroup.HARD) {
                        accountsByHardBouncedAddress.computeIfAbsent(life.recipient().address(), a -> new HashSet<>())
                                .add(life.campaign().account().name());
                    }
                }
            });
        }
        assertThat(accountsByHardBouncedAddress.values()).anyMatch(accounts -> accounts.size() >= 3);
    }

    @Test
    void badOptionsGiveOneLineAndExitCodeTwo() {
        for (String[] args : List.of(new String[]{"--days", "zero"}, new String[]{"--start", "2026-13-01"},
                new String[]{"--format", "sendmail"}, new String[]{"--bad-rate", "0.9"}, new String[]{"--seed"},
                new String[]{"--colour", "red"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = GenerateCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("generate: ").doesNotContain("\n");
        }
    }

    private Path generate(String name, String... options) {
        Path root = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--start", START, "--out", root.resolve("input").toString(),
                "--truth", root.resolve("truth").toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return root;
    }

    private static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
