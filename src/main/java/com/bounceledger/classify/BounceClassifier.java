package com.bounceledger.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
    /** The rule and the label ("status:5.1.1") of each status code seen, found once rather than per reply. */
    private final StatusEntry[] statusCache = new StatusEntry[1024];
    private final String[] replyLabels = new String[600];

    private BounceClassifier(RuleBook rules) {
        this.rules = rules;
        for (int code = 0; code < replyLabels.length; code++) {
            replyLabels[code] = "reply:" + code;
        }
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
        if (findings.receiver != null) {
            return result(findings.receiver.reason(), findings.receiver.label(), temporary);
        }

        Decision decision = firstToSpeak(status, replyCode, temporary, failure, findings.text, hint);
        AdjustRule adjust = rules.adjust(decision.reason(), findings.stage, decision.source(), status, temporary);
        if (adjust != null) {
            return result(adjust.to(), decision.label() + "; " + adjust.label(), temporary);
        }
        return result(decision.reason(), decision.label(), temporary);
    }

    /** What decided, before the context adjusts it. */
    private record Decision(Reason reason, String label, DecisionSource source) {
    }

    /** Precise status code, text, hint, vague status code, reply code, default: the first that speaks. */
    private Decision firstToSpeak(int status, int replyCode, boolean temporary, boolean failure, PhraseRule text, String hint) {
        StatusEntry statusEntry = statusEntry(status);
        StatusRule statusRule = statusEntry == null ? null : statusEntry.rule();
        if (statusRule != null && statusRule.decides() && (text == null || !statusRule.yieldsTo(text.reason()))) {
            return new Decision(statusRule.reason(), statusEntry.label(), DecisionSource.STATUS);
        }
        if (text != null) {
            return new Decision(text.reason(), text.label(), DecisionSource.TEXT);
        }
        String category = hint == null || hint.isBlank() ? null : hint.strip().toLowerCase(Locale.ROOT);
        Reason hinted = category == null ? null : rules.hint(category);
        // a temporary reply with nothing but a hint is not evidence enough against the address
        if (hinted != null && !(temporary && hinted.defaultGroup() == BounceGroup.HARD)) {
            return new Decision(hinted, "hint:" + category, DecisionSource.HINT);
        }
        if (statusRule != null) {
            return new Decision(statusRule.reason(), statusEntry.label(), DecisionSource.STATUS);
        }
        Reason byReply = rules.reply(replyCode);
        if (byReply != null) {
            return new Decision(byReply, replyLabels[replyCode], DecisionSource.REPLY);
        }
        Reason fallback = failure ? Reason.ONHOLD : Reason.UNDEFINED;
        return new Decision(fallback, "default:" + fallback.code(), DecisionSource.DEFAULT);
    }

    /** Final fields make an entry safe to share between threads through the racy cache array. */
    private record StatusEntry(int status, StatusRule rule, String label) {
    }

    private StatusEntry statusEntry(int status) {
        if (status == StatusCode.NONE) {
            return null;
        }
        int slot = (status * 31 + StatusCode.detail(status)) & (statusCache.length - 1);
        StatusEntry cached = statusCache[slot];
        if (cached == null || cached.status() != status) {
            cached = new StatusEntry(status, rules.status(status), "status:" + StatusCode.format(status));
            statusCache[slot] = cached;
        }
        return cached;
    }

    private static Classification result(Reason reason, String label, boolean temporary) {
        return new Classification(reason, reason.groupFor(temporary), label);
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
