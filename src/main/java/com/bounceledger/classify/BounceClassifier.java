package com.bounceledger.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a bounce from its reply code, enhanced status code and diagnostic text (any language),
 * with rules read from {@code classify/rules.txt} and optionally an operator's file.
 *
 * <p>Who decides, in this order: a receiver's own wording ({@code [receiver]} rules); a precise status
 * code (5.1.1, 5.2.2, 5.7.26...) unless the text names a reason that code yields to; a generic text
 * phrase; the MTA's hint; a vague status code (5.7.1, 4.4.7...); the reply code; otherwise onhold (a
 * failure code without words we know) or undefined. Then {@code [adjust]} rules correct the reason from
 * the context (after DATA, at MAIL FROM, temporary...). Immutable and safe to share between threads.
 */
public final class BounceClassifier {

    private static final String BUILT_IN = "classify/rules.txt";

    /** Per-thread working memory: classification allocates nothing but its result. */
    private final class Scratch {
        final ReplyText reply = new ReplyText();
        final TextMatcher.Findings findings = new TextMatcher.Findings(rules.matcher.ruleCount(), rules.matcher.phraseCount());
    }

    private final RuleBook rules;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Decisions made once: per phrase rule (by id), per reply code, per hint category, by default. */
    private final Decision[] phraseDecisions;
    private final Decision[] replyDecisions = new Decision[600];
    private final Map<String, Decision> hintDecisions = new HashMap<>();
    private final Decision onHold = new Decision(Reason.ONHOLD, "default:onhold", DecisionSource.DEFAULT);
    private final Decision undefined = new Decision(Reason.UNDEFINED, "default:undefined", DecisionSource.DEFAULT);
    /** The rule and decision of each status code seen, found once rather than per reply. */
    private final StatusEntry[] statusCache = new StatusEntry[1024];

    private BounceClassifier(RuleBook rules) {
        this.rules = rules;
        this.phraseDecisions = new Decision[rules.matcher.ruleCount()];
        for (int id = 0; id < phraseDecisions.length; id++) {
            PhraseRule rule = rules.matcher.rule(id);
            if (rule.kind() != PhraseRule.Kind.STAGE) {
                DecisionSource source = rule.kind() == PhraseRule.Kind.RECEIVER ? DecisionSource.RECEIVER : DecisionSource.TEXT;
                phraseDecisions[id] = new Decision(rule.reason(), rule.label(), source);
            }
        }
        for (int code = 0; code < replyDecisions.length; code++) {
            Reason reason = rules.reply(code);
            if (reason != null) {
                replyDecisions[code] = new Decision(reason, "reply:" + code, DecisionSource.REPLY);
            }
        }
        rules.hints().forEach((category, reason) ->
                hintDecisions.put(category, new Decision(reason, "hint:" + category, DecisionSource.HINT)));
    }

    /** The classifier with the rules shipped in the jar. */
    public static BounceClassifier builtIn() {
        return load(null);
    }

    /**
     * The built-in rules extended and overridden by an operator's file.
     *
     * @throws RulesFileException when a rules file is malformed or unreadable; the message names the
     *                            file and the line
     */
    public static BounceClassifier load(Path operatorRulesFileOrNull) {
        RuleBook.Builder builder = new RuleBook.Builder();
        try (InputStream in = BounceClassifier.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new RulesFileException(BUILT_IN + " is missing from the classpath", null);
            }
            new RulesParser(BUILT_IN, "rules.txt", false, builder).parse(reader(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (operatorRulesFileOrNull != null) {
            Path file = operatorRulesFileOrNull;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                new RulesParser(file.toString(), String.valueOf(file.getFileName()), true, builder).parse(in);
            } catch (IOException e) {
                throw new RulesFileException(file + ": cannot read rules file: " + e.getMessage(), e);
            }
        }
        return new BounceClassifier(builder.build());
    }

    /**
     * Classifies one reply. Any argument may be null or empty; this never throws.
     *
     * @param smtpCode       the three-digit reply code, e.g. {@code 550}
     * @param enhancedStatus the RFC 3463 code, e.g. {@code 5.1.1} (a trailing comment is allowed)
     * @param diagnostic     the remote server's reply text, any language
     * @param hint           an MTA's own bounce category (PowerMTA bounceCat), used only when the
     *                       code and the text say nothing clear
     */
    public Classification classify(String smtpCode, String enhancedStatus, String diagnostic, String hint) {
        try {
            return decide(smtpCode, enhancedStatus, diagnostic, hint);
        } catch (RuntimeException unexpected) {
            // the nightly job must go on: a reply we cannot read is a reply we know nothing about
            return new Classification(Reason.UNDEFINED, BounceGroup.SOFT, "error:" + unexpected.getClass().getSimpleName());
        }
    }

    /** Sizes of the compiled phrase matchers, for the benchmark's report. */
    String describe() {
        return rules.matcher.describeSize();
    }

    private Classification decide(String smtpCode, String enhancedStatus, String diagnostic, String hint) {
        Scratch work = scratch.get();
        ReplyText reply = work.reply;
        TextMatcher.Findings findings = work.findings;
        rules.matcher.read(diagnostic, reply, findings);

        int replyCode = parseReplyCode(smtpCode);
        if (replyCode < 0) {
            replyCode = reply.replyCode;
        }
        int status = effectiveStatus(reply.status, StatusCode.parseLeading(enhancedStatus));
        boolean temporary = replyCode >= 0 ? replyCode / 100 == 4 : status != StatusCode.NONE && StatusCode.codeClass(status) == 4;
        boolean failure = replyCode >= 400 || status != StatusCode.NONE && StatusCode.codeClass(status) >= 4;

        rules.matcher.judge(failure, findings);
        if (findings.receiver >= 0) {
            return phraseDecisions[findings.receiver].result(temporary);
        }
        Decision decision = firstToSpeak(status, replyCode, temporary, failure, findings.text, hint);
        AdjustRule adjust = rules.adjust(decision.reason(), Stage.of(findings.stage), decision.source(), status, temporary);
        if (adjust == null) {
            return decision.result(temporary);
        }
        Reason adjusted = adjust.to();
        return new Classification(adjusted, adjusted.groupFor(temporary), decision.label() + "; " + adjust.label());
    }

    /** Precise status code, text, hint, vague status code, reply code, default: the first that speaks. */
    private Decision firstToSpeak(int status, int replyCode, boolean temporary, boolean failure, int textRule, String hint) {
        StatusEntry statusEntry = statusEntry(status);
        StatusRule statusRule = statusEntry == null ? null : statusEntry.rule();
        Decision text = textRule < 0 ? null : phraseDecisions[textRule];
        if (statusRule != null && statusRule.decides() && (text == null || !statusRule.yieldsTo(text.reason()))) {
            return statusEntry.decision();
        }
        if (text != null) {
            return text;
        }
        Decision hinted = hint == null || hint.isBlank() ? null : hintDecisions.get(hint.strip().toLowerCase(Locale.ROOT));
        // a temporary reply with nothing but a hint is not evidence enough against the address
        if (hinted != null && !(temporary && hinted.reason().defaultGroup() == BounceGroup.HARD)) {
            return hinted;
        }
        if (statusRule != null) {
            return statusEntry.decision();
        }
        if (replyCode >= 0 && replyDecisions[replyCode] != null) {
            return replyDecisions[replyCode];
        }
        return failure ? onHold : undefined;
    }

    /** Final fields make an entry safe to share between threads through the racy cache array. */
    private record StatusEntry(int status, StatusRule rule, Decision decision) {
    }

    private StatusEntry statusEntry(int status) {
        if (status == StatusCode.NONE) {
            return null;
        }
        int slot = (status * 31 + StatusCode.detail(status)) & (statusCache.length - 1);
        StatusEntry cached = statusCache[slot];
        if (cached == null || cached.status() != status) {
            StatusRule rule = rules.status(status);
            Decision decision = rule == null ? null
                    : new Decision(rule.reason(), "status:" + StatusCode.format(status), DecisionSource.STATUS);
            cached = new StatusEntry(status, rule, decision);
            statusCache[slot] = cached;
        }
        return cached;
    }

    /**
     * The status code of the text is the remote server's own and wins over the log's column (often the
     * local MTA's summary), unless it is an X.0.0 that says less than the column.
     */
    private static int effectiveStatus(int fromText, int fromColumn) {
        int column = fromColumn != StatusCode.NONE && StatusCode.codeClass(fromColumn) >= 4 ? fromColumn : StatusCode.NONE;
        if (fromText == StatusCode.NONE) {
            return column;
        }
        if (StatusCode.isUndefinedDetail(fromText) && column != StatusCode.NONE && !StatusCode.isUndefinedDetail(column)) {
            return column;
        }
        return fromText;
    }

    private static int parseReplyCode(String smtpCode) {
        if (smtpCode == null) {
            return -1;
        }
        String code = smtpCode.strip();
        if (code.length() != 3 || code.charAt(0) < '2' || code.charAt(0) > '5'
                || !StatusCode.isDigit(code.charAt(1)) || !StatusCode.isDigit(code.charAt(2))) {
            return -1;
        }
        return Integer.parseInt(code);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
