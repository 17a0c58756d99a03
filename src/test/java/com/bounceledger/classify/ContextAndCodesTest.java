package com.bounceledger.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Status codes, SMTP stages, non-bounces, hints and odd input. */
class ContextAndCodesTest {

    private static final BounceClassifier CLASSIFIER = BounceClassifier.builtIn();

    private static Classification classify(String code, String status, String text, String hint) {
        return CLASSIFIER.classify(code, status, text, hint);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            550 | 5.1.1  | userunknown  | hard
            550 | 5.1.2  | hostunknown  | hard
            550 | 5.1.6  | hasmoved     | hard
            552 | 5.2.2  | mailboxfull  | soft
            552 | 5.2.3  | exceedlimit  | soft
            552 | 5.3.4  | mesgtoobig   | soft
            550 | 5.7.26 | authfailure  | block
            550 | 5.7.25 | requireptr   | block
            553 | 5.1.8  | rejected     | block
            550 | 5.4.6  | networkerror | soft
            """)
    void preciseStatusCodesDecideOnTheirOwn(String code, String status, String reason, String group) {
        Classification result = classify(code, status, "Requested action not taken", null);
        assertThat(result.reason().code()).isEqualTo(reason);
        assertThat(result.group().label()).isEqualTo(group);
        assertThat(result.rule()).isEqualTo("status:" + status);
    }

    @Test
    void theTextDecidesWhereTheCodeIsVague() {
        assertThat(classify("550", "5.7.1", "550 5.7.1 Service unavailable; client [203.0.113.4] blocked using zen.spamhaus.org", null).reason())
                .isEqualTo(Reason.BLOCKED);
        assertThat(classify("554", "5.0.0", "554 5.0.0 Your message looks like spam", null).reason()).isEqualTo(Reason.SPAMDETECTED);
        assertThat(classify("550", "5.7.1", "550 5.7.1 Relay access denied", null).reason()).isEqualTo(Reason.NORELAYING);
    }

    @Test
    void theStatusCodeInTheTextWinsOverAVagueColumn() {
        Classification result = classify("550", "5.0.0", "smtp;550 5.2.2 <kim@example.net>: quota", null);
        assertThat(result.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(result.rule()).isEqualTo("status:5.2.2");
    }

    @Test
    void aPreciseCodeYieldsToSenderSideWording() {
        assertThat(classify("550", "5.1.1", "550 5.1.1 Your IP 203.0.113.9 is blacklisted, see spamhaus", null).reason())
                .isEqualTo(Reason.BLOCKED);
    }

    @Test
    void userUnknownSaidAfterDataIsAFilterSpeaking() {
        Classification afterData = classify("550", null,
                "host mx.example.jp[203.0.113.3] said: 550 Unknown user (in reply to end of DATA command)", null);
        assertThat(afterData.reason()).isEqualTo(Reason.FILTERED);
        assertThat(afterData.group()).isEqualTo(BounceGroup.BLOCK);

        Classification atRcpt = classify("550", null,
                "host mx.example.jp[203.0.113.3] said: 550 Unknown user (in reply to RCPT TO command)", null);
        assertThat(atRcpt.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(atRcpt.group()).isEqualTo(BounceGroup.HARD);
    }

    @Test
    void aPreciseAddressCodeAfterDataStaysUserUnknown() {
        assertThat(classify("550", "5.1.1", "550 5.1.1 <al@example.com>: User unknown (in reply to end of DATA command)", null).reason())
                .isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void aTemporaryUserUnknownIsStillHard() {
        Classification result = classify("450", "4.1.1", "450 4.1.1 <al@example.com>: Recipient address rejected: User unknown in local recipient table", null);
        assertThat(result.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(result.group()).isEqualTo(BounceGroup.HARD);
    }

    @Test
    void notAcceptIsHardUnlessTemporary() {
        assertThat(classify("556", "5.1.10", "556 5.1.10 Recipient address has null MX", null).group()).isEqualTo(BounceGroup.HARD);
        assertThat(classify("421", "4.3.2", "421 4.3.2 System not accepting network messages", null).group()).isEqualTo(BounceGroup.SOFT);
    }

    @Test
    void aTemporaryReplyWithNothingSpecificIsNotHard() {
        Classification result = classify("451", null, "451 Please try again later", "bad-mailbox");
        assertThat(result.group()).isNotEqualTo(BounceGroup.HARD);
        assertThat(classify("450", "4.0.0", "", null).group()).isEqualTo(BounceGroup.SOFT);
    }

    @Test
    void autoRepliesAreNotBounces() {
        Classification reply = classify(null, null, "Automatic reply: I am out of the office until Monday with limited access to email.", null);
        assertThat(reply.reason()).isEqualTo(Reason.VACATION);
        assertThat(reply.isBounce()).isFalse();
        assertThat(classify(null, null, "Abwesenheitsnotiz: Ich bin bis 3. Januar nicht im Büro.", null).reason()).isEqualTo(Reason.VACATION);
    }

    @Test
    void aFailureCodeMakesABounceWhateverItQuotes() {
        Classification result = classify("550", "5.1.1", "550 5.1.1 user unknown; original subject: Out of office", null);
        assertThat(result.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(result.isBounce()).isTrue();
    }

    @Test
    void feedbackLoopReportsAreComplaints() {
        Classification result = classify(null, null, "This is an email abuse report for an email message received from IP 203.0.113.1. Feedback-Type: abuse", null);
        assertThat(result.reason()).isEqualTo(Reason.FEEDBACK);
        assertThat(result.isComplaint()).isTrue();
        assertThat(result.isBounce()).isFalse();
    }

    @Test
    void hintsOnlySpeakWhenCodeAndTextSayNothingClear() {
        assertThat(classify("550", "5.1.1", "550 5.1.1 user unknown", "spam-related").reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classify("554", null, "554 Mailbox full", "bad-mailbox").reason()).isEqualTo(Reason.MAILBOXFULL);
        Classification hinted = classify("550", "5.7.1", "550 5.7.1 Message refused", "spam-related");
        assertThat(hinted.reason()).isEqualTo(Reason.SPAMDETECTED);
        assertThat(hinted.rule()).isEqualTo("hint:spam-related");
    }

    @Test
    void emptyInputIsUndefinedAndSoft() {
        for (Classification result : new Classification[] {
            classify(null, null, null, null), classify("", "", "", ""), classify("  ", " ", "   ", null)}) {
            assertThat(result.reason()).isEqualTo(Reason.UNDEFINED);
            assertThat(result.group()).isEqualTo(BounceGroup.SOFT);
        }
    }

    @Test
    void aFailureCodeWithoutKnownWordsIsOnHold() {
        assertThat(classify("550", null, "550 No.", null).reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            assertThat(classify(garbage(random), garbage(random), garbage(random), garbage(random))).isNotNull();
        }
        assertThat(classify("5", "5.", "5.1.", "x")).isNotNull();
        assertThat(classify("9999", "5.1.1111", "550 5.1.1111 4.16.55.1 \uD83D\uDE00 \uD800", null)).isNotNull();
    }

    @Test
    void oneClassifierServesManyThreadsAlike() throws Exception {
        String[][] replies = {
            {"550", "5.1.1", "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)"},
            {"552", "5.2.2", "552 5.2.2 Postfach voll"},
            {"421", "4.7.0", "421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected volume or user complaints"},
            {"550", null, "550 Unknown user (in reply to end of DATA command)"},
            {null, null, "Пользователь не найден"},
        };
        Classification[] expected = new Classification[replies.length];
        for (int i = 0; i < replies.length; i++) {
            expected[i] = classify(replies[i][0], replies[i][1], replies[i][2], null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 5_000; round++) {
                        int i = round % replies.length;
                        if (!classify(replies[i][0], replies[i][1], replies[i][2], null).equals(expected[i])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String garbage(Random random) {
        char[] chars = new char[random.nextInt(60)];
        String alphabet = "0123455.-;: aZ<>[]()\"\u00e9\u3042\u0416\uD83D";
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(5) == 0 ? (char) random.nextInt(0x10000) : alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return chars.length == 0 ? null : new String(chars);
    }
}
