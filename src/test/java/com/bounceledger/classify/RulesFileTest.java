package com.bounceledger.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's rules file extends and overrides the built-in rules; a malformed one fails with file and line. */
class RulesFileTest {

    @TempDir
    Path dir;

    private Path rules(String content) throws IOException {
        Path file = dir.resolve("operator-rules.txt");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void anOperatorStatusRuleOverridesTheBuiltInOne() throws IOException {
        String reply = "550 5.7.1 Message refused";
        assertThat(BounceClassifier.builtIn().classify("550", "5.7.1", reply, null).reason()).isEqualTo(Reason.SECURITYERROR);

        BounceClassifier operator = BounceClassifier.load(rules("[status]\n5.7.1 policyviolation decides\n"));
        assertThat(operator.classify("550", "5.7.1", reply, null).reason()).isEqualTo(Reason.POLICYVIOLATION);
    }

    @Test
    void anOperatorPhraseWinsOverABuiltInPhraseAndNamesItsLine() throws IOException {
        BounceClassifier operator = BounceClassifier.load(rules("""
                # our gateway says "user unknown" when it is really a block list
                [receiver Our gateway]
                blocked  user unknown ... (gw-block)
                """));
        Classification result = operator.classify("550", null, "550 User unknown (GW-BLOCK) (in reply to RCPT TO command)", null);
        assertThat(result.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(result.rule()).isEqualTo("receiver:Our gateway/blocked (operator-rules.txt:3)");
        assertThat(operator.classify("550", null, "550 User unknown (in reply to RCPT TO command)", null).reason())
                .isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void anOperatorCanSwitchABuiltInAdjustmentOff() throws IOException {
        String reply = "550 Unknown user (in reply to end of DATA command)";
        assertThat(BounceClassifier.builtIn().classify("550", null, reply, null).reason()).isEqualTo(Reason.FILTERED);
        BounceClassifier operator = BounceClassifier.load(rules("[adjust]\nuserunknown -> userunknown when stage=data\n"));
        assertThat(operator.classify("550", null, reply, null).reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void aMalformedRulesFileFailsWithFileAndLine() throws IOException {
        Path file = rules("[status]\n5.1.1 userunknown decides\n5.1.x nonsense\n");
        assertThatThrownBy(() -> BounceClassifier.load(file))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("malformed status code '5.1.x'");
    }

    @Test
    void unknownReasonsSectionsAndConditionsAreNamed() throws IOException {
        assertThatThrownBy(() -> BounceClassifier.load(rules("[text mailboxful]\nbox full\n")))
                .hasMessageEndingWith(":1: unknown reason 'mailboxful'");
        assertThatThrownBy(() -> BounceClassifier.load(rules("\n[phrases]\n")))
                .hasMessageEndingWith(":2: unknown section [phrases]");
        assertThatThrownBy(() -> BounceClassifier.load(rules("[adjust]\nuserunknown -> filtered when stage=later\n")))
                .hasMessageContaining(":2: unknown stage 'later'");
        assertThatThrownBy(() -> BounceClassifier.load(rules("[reply]\n550 userunknown\n550 blocked\n")))
                .hasMessageEndingWith(":3: reply 550 is already defined at line 2");
        assertThatThrownBy(() -> BounceClassifier.load(rules("user unknown\n")))
                .hasMessageEndingWith(":1: rule outside of any section");
    }

    @Test
    void theExampleOperatorFileInJobsLoads() {
        BounceClassifier example = BounceClassifier.load(Path.of("jobs/classify-rules.example.txt"));
        assertThat(example.classify("550", "5.7.1", "550 5.7.1 Rejected by partner gateway policy", null).rule())
                .isEqualTo("receiver:Our partner gateway/blocked (classify-rules.example.txt:9)");
    }

    @Test
    void aMissingOperatorFileIsReported() {
        Path missing = dir.resolve("nowhere.txt");
        assertThatThrownBy(() -> BounceClassifier.load(missing))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith(missing + ": cannot read rules file");
    }
}
