package com.bounceledger.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one rules file (format: the header of {@code classify/rules.txt}) into a {@link RuleBook.Builder}. */
final class RulesParser {

    private static final Pattern SECTION = Pattern.compile("\\[\\s*([a-z]+)(?:\\s+([^\\]]+?))?\\s*]");
    private static final Pattern STATUS_KEY = Pattern.compile("([45x])\\.(\\d{1,3})\\.(\\d{1,3})(?:-(\\d{1,3}))?");
    private static final String SEQUENCE = " ... ";

    private enum Section { PRIORITY, STATUS, REPLY, HINT, ADJUST, STAGE, TEXT, RECEIVER }

    private final String source;
    private final String labelName;
    private final boolean operator;
    private final RuleBook.Builder builder;
    private final Map<String, Integer> keysSeen = new HashMap<>();
    private final List<Reason> priority = new ArrayList<>();
    private Section section;
    private String sectionArgument;
    private Reason sectionReason;
    private Stage sectionStage;
    private int lineNumber;
    private int priorityLine;

    /**
     * @param source    how errors name the file (its path)
     * @param labelName how rule labels name the file (its file name)
     */
    RulesParser(String source, String labelName, boolean operator, RuleBook.Builder builder) {
        this.source = source;
        this.labelName = labelName;
        this.operator = operator;
        this.builder = builder;
    }

    void parse(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (lineNumber == 1 && trimmed.startsWith("\uFEFF")) {
                trimmed = trimmed.substring(1).strip();
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                openSection(trimmed);
            } else {
                readRule(trimmed);
            }
        }
        if (!priority.isEmpty()) {
            builder.priority(priority, operator);
        }
        if (!operator && !builder.unprioritised().isEmpty()) {
            lineNumber = priorityLine;
            throw error("[priority] must list every reason; missing: " + codes(builder.unprioritised()));
        }
    }

    private void openSection(String header) {
        Matcher m = SECTION.matcher(header);
        if (!m.matches()) {
            throw error("malformed section header '" + header + "'");
        }
        String name = m.group(1);
        sectionArgument = m.group(2);
        section = switch (name) {
            case "priority" -> Section.PRIORITY;
            case "status" -> Section.STATUS;
            case "reply" -> Section.REPLY;
            case "hint" -> Section.HINT;
            case "adjust" -> Section.ADJUST;
            case "stage" -> Section.STAGE;
            case "text" -> Section.TEXT;
            case "receiver" -> Section.RECEIVER;
            default -> throw error("unknown section [" + name + "]");
        };
        boolean needsArgument = section == Section.STAGE || section == Section.TEXT || section == Section.RECEIVER;
        if (needsArgument != (sectionArgument != null)) {
            throw error(needsArgument ? "[" + name + "] needs a name, e.g. [" + name + " " + example(section) + "]"
                    : "[" + name + "] takes no name");
        }
        if (section == Section.TEXT) {
            sectionReason = reason(sectionArgument);
        } else if (section == Section.STAGE) {
            sectionStage = Stage.fromLabel(sectionArgument.toLowerCase(Locale.ROOT));
            if (sectionStage == null || sectionStage == Stage.NONE) {
                throw error("unknown stage '" + sectionArgument + "' (connect, mail, rcpt, data, local)");
            }
        } else if (section == Section.PRIORITY) {
            priorityLine = lineNumber;
        }
    }

    private void readRule(String line) {
        if (section == null) {
            throw error("rule outside of any section");
        }
        switch (section) {
            case PRIORITY -> words(line).forEach(word -> {
                Reason reason = reason(word);
                if (priority.contains(reason)) {
                    throw error("reason '" + word + "' is listed twice in [priority]");
                }
                priority.add(reason);
            });
            case STATUS -> readStatus(words(line));
            case REPLY -> readReply(words(line));
            case HINT -> readHint(words(line));
            case ADJUST -> readAdjust(words(line));
            case STAGE -> builder.phrase(PhraseRule.Kind.STAGE, null, sectionStage, null, parts(line), operator, location());
            case TEXT -> builder.phrase(PhraseRule.Kind.TEXT, sectionReason, null, null, parts(line), operator, location());
            case RECEIVER -> readReceiver(line);
        }
    }

    private void readStatus(List<String> words) {
        if (words.size() < 2) {
            throw error("expected: <code> <reason> [decides] [unless <reason> ...]");
        }
        Matcher m = STATUS_KEY.matcher(words.get(0));
        if (!m.matches()) {
            throw error("malformed status code '" + words.get(0) + "' (e.g. 5.1.1, x.2.2, 5.7.606-649)");
        }
        String key = words.get(0);
        remember("status " + key);
        Reason reason = reason(words.get(1));
        boolean decides = false;
        Set<Reason> yieldsTo = EnumSet.noneOf(Reason.class);
        int i = 2;
        if (i < words.size() && words.get(i).equals("decides")) {
            decides = true;
            i++;
        }
        if (i < words.size()) {
            if (!words.get(i).equals("unless") || !decides || i + 1 == words.size()) {
                throw error("expected 'decides' then optionally 'unless <reason> ...' after the reason");
            }
            words.subList(i + 1, words.size()).forEach(word -> yieldsTo.add(reason(word)));
        }
        int codeClass = m.group(1).equals("x") ? 0 : Integer.parseInt(m.group(1));
        int detail = Integer.parseInt(m.group(3));
        int high = m.group(4) == null ? -1 : Integer.parseInt(m.group(4));
        if (high >= 0 && high < detail) {
            throw error("empty range '" + key + "'");
        }
        builder.status(codeClass, Integer.parseInt(m.group(2)), detail, high,
                new StatusRule(key, reason, decides, yieldsTo));
    }

    private void readReply(List<String> words) {
        if (words.size() != 2 || !words.get(0).matches("[45]\\d\\d")) {
            throw error("expected: <reply code 400-599> <reason>");
        }
        remember("reply " + words.get(0));
        builder.reply(Integer.parseInt(words.get(0)), reason(words.get(1)));
    }

    private void readHint(List<String> words) {
        if (words.size() != 2) {
            throw error("expected: <mta bounce category> <reason>");
        }
        String category = words.get(0).toLowerCase(Locale.ROOT);
        remember("hint " + category);
        builder.hint(category, reason(words.get(1)));
    }

    private void readAdjust(List<String> words) {
        if (words.size() < 3 || !words.get(1).equals("->")) {
            throw error("expected: <reason> -> <reason> [when] <condition> ...");
        }
        Reason from = reason(words.get(0));
        Reason to = reason(words.get(2));
        Set<Stage> stages = null;
        Set<DecisionSource> sources = null;
        long subjects = -1;
        Boolean temporary = null;
        for (String condition : words.subList(3, words.size())) {
            if (condition.equals("when")) {
                continue;
            }
            if (condition.equals("temporary") || condition.equals("permanent")) {
                temporary = condition.equals("temporary");
                continue;
            }
            int eq = condition.indexOf('=');
            if (eq < 0) {
                throw error("unknown condition '" + condition + "' (stage=, source=, subject=, temporary, permanent)");
            }
            String name = condition.substring(0, eq);
            List<String> values = List.of(condition.substring(eq + 1).split(","));
            switch (name) {
                case "stage" -> stages = EnumSet.copyOf(values.stream().map(this::stage).toList());
                case "source" -> sources = EnumSet.copyOf(values.stream().map(this::decisionSource).toList());
                case "subject" -> subjects = values.stream().mapToLong(v -> 1L << subject(v)).reduce(0, (a, b) -> a | b);
                default -> throw error("unknown condition '" + name + "' (stage=, source=, subject=, temporary, permanent)");
            }
        }
        String label = "adjust:" + from.code() + "->" + to.code() + " (" + location() + ")";
        builder.adjust(new AdjustRule(from, to, stages, sources, subjects, temporary, label), operator);
    }

    private void readReceiver(String line) {
        int space = indexOfWhitespace(line);
        if (space < 0) {
            throw error("expected: <reason> <phrase>");
        }
        Reason reason = reason(line.substring(0, space));
        builder.phrase(PhraseRule.Kind.RECEIVER, reason, null, sectionArgument, parts(line.substring(space).strip()),
                operator, location());
    }

    /** A phrase: " ... " separates parts that must occur in order; a "quoted" part keeps its edge spaces. */
    private List<String> parts(String phrase) {
        List<String> parts = new ArrayList<>();
        for (String part : phrase.split(Pattern.quote(SEQUENCE), -1)) {
            String text = part.strip();
            if (text.startsWith("\"")) {
                if (text.length() < 3 || !text.endsWith("\"")) {
                    throw error("unterminated or empty quoted phrase " + text);
                }
                text = text.substring(1, text.length() - 1);
            }
            String folded = TextFolding.foldPhrase(text);
            if (folded.isBlank()) {
                throw error("empty part in phrase '" + phrase + "'");
            }
            parts.add(folded);
        }
        for (String part : parts) {
            if (TextMatcher.isAscii(part) && part.length() < GramIndex.MIN_LENGTH) {
                throw error("phrase part '" + part + "' is too short (at least " + GramIndex.MIN_LENGTH + " characters)");
            }
        }
        return parts;
    }

    private Reason reason(String code) {
        Reason reason = Reason.fromCode(code);
        if (reason == null) {
            throw error("unknown reason '" + code + "'");
        }
        return reason;
    }

    private Stage stage(String label) {
        Stage stage = Stage.fromLabel(label);
        if (stage == null) {
            throw error("unknown stage '" + label + "' (connect, mail, rcpt, data, local, none)");
        }
        return stage;
    }

    private DecisionSource decisionSource(String label) {
        DecisionSource decisionSource = DecisionSource.fromLabel(label);
        if (decisionSource == null || decisionSource == DecisionSource.RECEIVER) {
            throw error("unknown source '" + label + "' (status, text, hint, reply, default; receiver rules are final)");
        }
        return decisionSource;
    }

    /** The bit of a subject condition value: a digit 0-7 or none. */
    private int subject(String value) {
        if (value.equals("none")) {
            return AdjustRule.NO_STATUS;
        }
        if (!value.matches("\\d{1,2}") || Integer.parseInt(value) >= AdjustRule.NO_STATUS) {
            throw error("subject must be a number below " + AdjustRule.NO_STATUS + " or 'none', not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private void remember(String key) {
        Integer earlier = keysSeen.putIfAbsent(key, lineNumber);
        if (earlier != null) {
            throw error(key + " is already defined at line " + earlier);
        }
    }

    /** Words of a key/value line; " #" starts a comment there. */
    private static List<String> words(String line) {
        int comment = line.indexOf(" #");
        String content = comment >= 0 ? line.substring(0, comment) : line;
        List<String> words = new ArrayList<>();
        for (String word : content.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static int indexOfWhitespace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String example(Section section) {
        return switch (section) {
            case STAGE -> "rcpt";
            case TEXT -> "userunknown";
            default -> "Gmail";
        };
    }

    private static String codes(Set<Reason> reasons) {
        return String.join(", ", reasons.stream().map(Reason::code).toList());
    }

    private String location() {
        return labelName + ":" + lineNumber;
    }

    private RulesFileException error(String problem) {
        return new RulesFileException(source, lineNumber, problem);
    }
}
