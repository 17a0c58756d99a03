package com.bounceledger.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The compiled rules: built-in ones merged with an operator's. Immutable once built. */
final class RuleBook {

    /** A status rule for a range of detail codes, such as Microsoft's 5.7.606-649. */
    private record StatusRange(int codeClass, int subject, int low, int high, StatusRule rule) {
        boolean covers(int status) {
            return (codeClass == 0 || codeClass == StatusCode.codeClass(status))
                    && subject == StatusCode.subject(status)
                    && StatusCode.detail(status) >= low && StatusCode.detail(status) <= high;
        }
    }

    /** Exact and class-independent codes, sorted, for lookups without boxing. */
    private final int[] statusKeys;
    private final StatusRule[] statusValues;
    private final List<StatusRange> statusRanges;
    private final Reason[] replyRules;
    private final Map<String, Reason> hintRules;
    private final List<AdjustRule> adjustRules;
    final TextMatcher matcher;

    private RuleBook(Builder builder) {
        this.statusKeys = builder.statusRules.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        this.statusValues = Arrays.stream(statusKeys).mapToObj(builder.statusRules::get).toArray(StatusRule[]::new);
        this.statusRanges = List.copyOf(builder.statusRanges.values());
        this.replyRules = builder.replyRules.clone();
        this.hintRules = Map.copyOf(builder.hintRules);
        List<AdjustRule> adjusts = new ArrayList<>(builder.operatorAdjusts);
        adjusts.addAll(builder.builtInAdjusts);
        this.adjustRules = List.copyOf(adjusts);
        this.matcher = new TextMatcher(builder.orderedPhraseRules(), builder.phraseIds, builder.reasonRank());
    }

    /** The rule for a status code: exact code first, then a detail range, then the class-independent code. */
    StatusRule status(int status) {
        if (status == StatusCode.NONE) {
            return null;
        }
        int exact = Arrays.binarySearch(statusKeys, status);
        if (exact >= 0) {
            return statusValues[exact];
        }
        for (StatusRange range : statusRanges) {
            if (range.covers(status)) {
                return range.rule();
            }
        }
        int anyClass = Arrays.binarySearch(statusKeys, StatusCode.anyClass(status));
        return anyClass >= 0 ? statusValues[anyClass] : null;
    }

    Reason reply(int replyCode) {
        return replyCode >= 0 && replyCode < replyRules.length ? replyRules[replyCode] : null;
    }

    Map<String, Reason> hints() {
        return hintRules;
    }

    AdjustRule adjust(Reason reason, Stage stage, DecisionSource source, int status, boolean temporary) {
        for (AdjustRule rule : adjustRules) {
            if (rule.applies(reason, stage, source, status, temporary)) {
                return rule;
            }
        }
        return null;
    }

    /** Collects rules file by file; the operator's file is read after the built-in one. */
    static final class Builder {

        /** A phrase rule before ids and tiers are known. */
        private record PhraseSpec(PhraseRule.Kind kind, Reason reason, Stage stage, String receiver,
                                  List<String> parts, boolean operator, String location) {
            String file() {
                return location.substring(0, location.lastIndexOf(':'));
            }
        }

        private final Map<Integer, StatusRule> statusRules = new HashMap<>();
        private final Map<String, StatusRange> statusRanges = new LinkedHashMap<>();
        private final Reason[] replyRules = new Reason[600];
        private final Map<String, Reason> hintRules = new HashMap<>();
        private final List<AdjustRule> builtInAdjusts = new ArrayList<>();
        private final List<AdjustRule> operatorAdjusts = new ArrayList<>();
        private final List<PhraseSpec> phrases = new ArrayList<>();
        private final Map<String, Integer> phraseIds = new LinkedHashMap<>();
        private List<Reason> builtInPriority = List.of();
        private List<Reason> operatorPriority = List.of();

        void status(int codeClass, int subject, int detail, int detailHigh, StatusRule rule) {
            if (detailHigh < 0) {
                statusRules.put(StatusCode.pack(codeClass, subject, detail), rule);
            } else {
                statusRanges.put(rule.key(), new StatusRange(codeClass, subject, detail, detailHigh, rule));
            }
        }

        void reply(int code, Reason reason) {
            replyRules[code] = reason;
        }

        void hint(String category, Reason reason) {
            hintRules.put(category, reason);
        }

        void adjust(AdjustRule rule, boolean operator) {
            (operator ? operatorAdjusts : builtInAdjusts).add(rule);
        }

        void priority(List<Reason> order, boolean operator) {
            if (operator) {
                operatorPriority = List.copyOf(order);
            } else {
                builtInPriority = List.copyOf(order);
            }
        }

        void phrase(PhraseRule.Kind kind, Reason reason, Stage stage, String receiver, List<String> parts,
                    boolean operator, String location) {
            phrases.add(new PhraseSpec(kind, reason, stage, receiver, List.copyOf(parts), operator, location));
        }

        /** Reasons missing from the built-in priority list, which must name every reason. */
        Set<Reason> unprioritised() {
            Set<Reason> missing = EnumSet.allOf(Reason.class);
            builtInPriority.forEach(missing::remove);
            return missing;
        }

        RuleBook build() {
            return new RuleBook(this);
        }

        /** Operator-listed reasons first, in their order, then the rest in built-in order. */
        private int[] reasonRank() {
            List<Reason> order = new ArrayList<>(operatorPriority);
            builtInPriority.stream().filter(r -> !order.contains(r)).forEach(order::add);
            Arrays.stream(Reason.values()).filter(r -> !order.contains(r)).forEach(order::add);
            int[] rank = new int[Reason.values().length];
            for (int i = 0; i < order.size(); i++) {
                rank[order.get(i).ordinal()] = i;
            }
            return rank;
        }

        private List<PhraseRule> orderedPhraseRules() {
            List<PhraseRule> rules = new ArrayList<>();
            // numbered per file and reason, so an operator's labels do not move when the built-in rules change
            Map<String, Integer> ordinals = new HashMap<>();
            for (PhraseSpec spec : phrases) {
                int[] parts = spec.parts().stream()
                        .mapToInt(part -> phraseIds.computeIfAbsent(part, p -> phraseIds.size()))
                        .toArray();
                int tier = switch (spec.kind()) {
                    case RECEIVER -> spec.operator() ? 0 : 1;
                    case TEXT -> spec.operator() ? 2 : 3;
                    case STAGE -> 4;
                };
                String label = switch (spec.kind()) {
                    case STAGE -> "stage:" + spec.stage().label() + " (" + spec.location() + ")";
                    case RECEIVER -> "receiver:" + spec.receiver() + "/" + spec.reason().code() + " (" + spec.location() + ")";
                    case TEXT -> "text:" + spec.reason().code() + "#"
                            + ordinals.merge(spec.file() + " " + spec.reason(), 1, Integer::sum)
                            + " (" + spec.location() + ")";
                };
                rules.add(new PhraseRule(rules.size(), spec.kind(), spec.reason(), spec.stage(), tier, parts, label));
            }
            return rules;
        }
    }
}
