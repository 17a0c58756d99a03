package com.bounceledger.classify;

import com.bounceledger.csv.CsvReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the built-in rules on the 270 labelled development bounces (see the README beside the data).
 * The floors lock in what the rules reached; raise them when the rules improve.
 */
class DevCasesScoreTest {

    private static final double HARD_FLOOR = 0.965;
    private static final double REASON_FLOOR = 0.935;

    private record DevCase(String id, String smtpCode, String status, String diagnostic, String reason, boolean hard) {
    }

    @Test
    void agreesWithTheLabelsOnHardAndOnTheReason() throws IOException {
        List<DevCase> cases = readCases();
        BounceClassifier classifier = BounceClassifier.builtIn();
        int hardAgree = 0;
        int reasonAgree = 0;
        List<String> misses = new ArrayList<>();
        for (DevCase c : cases) {
            Classification result = classifier.classify(c.smtpCode(), c.status(), c.diagnostic(), null);
            boolean hard = result.group() == BounceGroup.HARD;
            hardAgree += hard == c.hard() ? 1 : 0;
            reasonAgree += result.reason().code().equals(c.reason()) ? 1 : 0;
            if (!result.reason().code().equals(c.reason())) {
                misses.add(c.id() + ": expected " + c.reason() + ", got " + result.reason().code() + " by " + result.rule());
            }
        }
        double hardShare = hardAgree / (double) cases.size();
        double reasonShare = reasonAgree / (double) cases.size();
        System.out.printf("dev cases: %d; hard/not-hard agreement %d = %.2f%%; exact reason agreement %d = %.2f%%%n",
                cases.size(), hardAgree, 100 * hardShare, reasonAgree, 100 * reasonShare);
        misses.forEach(miss -> System.out.println("  " + miss));

        assertThat(cases).hasSize(270);
        assertThat(hardShare).as("hard/not-hard agreement").isGreaterThanOrEqualTo(HARD_FLOOR);
        assertThat(reasonShare).as("exact reason agreement").isGreaterThanOrEqualTo(REASON_FLOOR);
    }

    private static List<DevCase> readCases() throws IOException {
        try (InputStream in = DevCasesScoreTest.class.getResourceAsStream("/classify/dev-cases.csv")) {
            assertThat(in).as("classify/dev-cases.csv on the test classpath").isNotNull();
            CsvReader csv = new CsvReader(in);
            List<String> header = csv.next();
            List<DevCase> cases = new ArrayList<>();
            List<String> row;
            while ((row = csv.next()) != null) {
                cases.add(new DevCase(row.get(header.indexOf("case_id")), row.get(header.indexOf("smtp_code")),
                        row.get(header.indexOf("enhanced_status")), row.get(header.indexOf("diagnostic")),
                        row.get(header.indexOf("expected_reason")), row.get(header.indexOf("expected_hard")).equals("1")));
            }
            return cases;
        }
    }
}
