package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bounceledger.generate.GenerateCommand;

/**
 * The same two generated days (seed 7, 1,500 messages a day, two accounts), rendered by the generator as
 * canonical CSV, PowerMTA accounting files and Postfix mail logs, run through the real job day after day.
 *
 * <p>What the formats share must give the same numbers: deliveries, deferrals, blocks, bounces, and the
 * messages that reached a final outcome or were attempted (Sent minus Pending). What they cannot share:
 * opens, clicks and unsubscribes exist only in canonical; complaints are not in Postfix logs; canonical logs
 * a {@code sent} for messages the MTA never attempted (3 on the second day), which it counts as sent and
 * pending while the MTA formats never see them; PowerMTA's {@code bounceCat} is a classifier hint the other
 * formats lack, so where a reply alone is unclear PowerMTA can name a sharper reason (3 unclear soft bounces
 * become hostunknown, a hard one; replies with a vague status code become spamdetected instead of
 * securityerror, both blocks).
 */
class MtaFormatsEquivalenceTest {

    static final String DAY1 = "2026-11-20";
    static final String DAY2 = "2026-11-21";
    /** Columns of the Email Performance sheet. */
    static final int SENT = 2, DELIVERED = 3, HARD = 4, SOFT = 5, BLOCKED = 6, PENDING = 7, DEFERRED = 8, COMPLAINED = 12;

    @TempDir
    static Path folder;

    static NightlyRun canonical;
    static NightlyRun powerMta;
    static NightlyRun postfix;

    @BeforeAll
    static void runTheSameDaysInEachFormat() {
        canonical = run("canonical");
        powerMta = run("powermta");
        postfix = run("postfix");
    }

    @Test
    void theKnownTotalsOfTheSecondDay() {
        assertThat(total(canonical, DAY2)).containsExactly("Total", "", "1,500", "1,436", "20", "9", "28", "10", "104",
                "397", "51", "2", "2");
        assertThat(total(powerMta, DAY2)).containsExactly("Total", "", "1,497", "1,436", "23", "6", "28", "7", "104",
                "0", "0", "0", "2");
        assertThat(total(postfix, DAY2)).containsExactly("Total", "", "1,497", "1,436", "20", "9", "28", "7", "104",
                "0", "0", "0", "0");
    }

    @Test
    void everyCampaignHasTheSameDeliveriesDeferralsBlocksBouncesAndAttemptsInEveryFormat() {
        for (String day : List.of(DAY1, DAY2)) {
            Map<String, List<Long>> expected = shared(canonical, day);
            assertThat(shared(powerMta, day)).as("PowerMTA " + day).isEqualTo(expected);
            assertThat(shared(postfix, day)).as("Postfix " + day).isEqualTo(expected);
            assertThat(metric(postfix, day, HARD)).as("Postfix hard " + day).isEqualTo(metric(canonical, day, HARD));
            assertThat(metric(powerMta, day, COMPLAINED)).as("PowerMTA complaints " + day)
                    .isEqualTo(metric(canonical, day, COMPLAINED));
        }
    }

    /**
     * Postfix always logs a status code (the generator makes {@code 5.0.0} from the reply code when the reply has
     * none), so a reply without words the rules know is {@code onhold} there and {@code undefined} in canonical.
     */
    @Test
    void bounceReasonsAreTheSameWithoutTheHintAndTheSameInNumberWithIt() {
        for (String day : List.of(DAY1, DAY2)) {
            List<List<String>> reasons = reasons(canonical, day).stream()
                    .map(row -> row.get(0).equals("undefined") ? List.of("onhold", row.get(1), row.get(2)) : row).toList();
            assertThat(reasons(postfix, day)).as(day).containsExactlyInAnyOrderElementsOf(reasons);
            assertThat(last(reasons(powerMta, day))).isEqualTo(last(reasons));
        }
        assertThat(reasons(canonical, DAY2)).contains(List.of("undefined", "soft", "3"), List.of("Total", "", "57"));
        assertThat(reasons(powerMta, DAY2)).contains(List.of("hostunknown", "hard", "9")).doesNotContain(
                List.of("undefined", "soft", "3"));
    }

    @Test
    void theSuppressionFilesDifferOnlyByWhatAFormatCannotCarry() {
        for (String day : List.of(DAY1, DAY2)) {
            assertThat(postfix.csv(day, "suppression")).as(day).isEqualTo(canonical.csv(day, "suppression").stream()
                    .filter(line -> !line.contains(",unsubscribed,") && !line.contains(",complained,")).toList());
        }
        assertThat(canonical.csv(DAY2, "suppression")).hasSize(52);
        assertThat(powerMta.csv(DAY2, "suppression").stream().filter(line -> line.contains(",complained,")))
                .hasSize(3) // the suppression file is cumulative: one complaint of the first day, two of the second
                .isEqualTo(canonical.csv(DAY2, "suppression").stream().filter(line -> line.contains(",complained,")).toList());
    }

    private static NightlyRun run(String format) {
        NightlyRun run = new NightlyRun(folder.resolve(format))
                .with("--bounce-ledger.chunk-size=500")
                .with("--bounce-ledger.block-records=50")
                .with("--bounce-ledger.postfix.message-id-pattern=^\\d+\\.(?<campaign>[^.]+)\\.(?<account>[^@]+)@");
        int generated = GenerateCommand.run(new String[] {"--seed", "7", "--start", DAY1, "--days", "2",
                "--messages", "1500", "--accounts", "2", "--bad-rate", "0", "--format", format,
                "--out", run.input.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(generated).isZero();
        assertThat(run.launch(DAY1).exitCode()).isZero();
        assertThat(run.launch(DAY2).exitCode()).isZero();
        return run;
    }

    /** Per campaign: delivered, deferred, blocked, hard + soft, sent - pending; campaigns with none of them left out. */
    private static Map<String, List<Long>> shared(NightlyRun run, String day) {
        Map<String, List<Long>> campaigns = new TreeMap<>();
        for (List<String> row : performanceRows(run, day)) {
            List<Long> values = List.of(number(row, DELIVERED), number(row, DEFERRED), number(row, BLOCKED),
                    number(row, HARD) + number(row, SOFT), number(row, SENT) - number(row, PENDING));
            if (values.stream().anyMatch(value -> value != 0)) {
                campaigns.put(row.get(0) + "/" + row.get(1), values);
            }
        }
        return campaigns;
    }

    private static Map<String, Long> metric(NightlyRun run, String day, int column) {
        Map<String, Long> campaigns = new TreeMap<>();
        for (List<String> row : performanceRows(run, day)) {
            if (number(row, column) != 0) {
                campaigns.put(row.get(0) + "/" + row.get(1), number(row, column));
            }
        }
        return campaigns;
    }

    private static List<List<String>> performanceRows(NightlyRun run, String day) {
        List<List<String>> rows = run.sheet(day, "Email Performance");
        return rows.subList(1, rows.size() - 1);
    }

    private static List<List<String>> reasons(NightlyRun run, String day) {
        return run.sheet(day, "Bounce Reasons").stream().map(row -> row.subList(0, 3)).toList();
    }

    private static List<String> total(NightlyRun run, String day) {
        return last(run.sheet(day, "Email Performance")).subList(0, 13);
    }

    private static List<String> last(List<List<String>> rows) {
        return rows.get(rows.size() - 1);
    }

    private static long number(List<String> row, int column) {
        return Long.parseLong(row.get(column).replace(",", ""));
    }
}
