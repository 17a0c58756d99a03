package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.ingest.EventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies of the major receivers ({@code generate/replies.csv}). A receiver whose own wording for a
 * reason is not in the catalogue answers with the {@code generic} wording (Postfix, Exim, Dovecot).
 */
final class ReplyCatalogue {

    static final String GENERIC = "generic";
    static final String SENDING_MTA = "sending-mta";

    private final Map<String, List<Reply>> byKey = new HashMap<>();
    private final Map<String, List<String>> reasonsByReceiverOutcome = new HashMap<>();

    private ReplyCatalogue(List<Reply> replies) {
        for (Reply reply : replies) {
            byKey.computeIfAbsent(key(reply.receiver(), reply.reason(), reply.outcome()), k -> new ArrayList<>()).add(reply);
            List<String> reasons = reasonsByReceiverOutcome.computeIfAbsent(
                    reply.receiver() + '|' + reply.outcome(), k -> new ArrayList<>());
            if (!reasons.contains(reply.reason())) {
                reasons.add(reply.reason());
            }
        }
    }

    static ReplyCatalogue load() {
        List<Reply> replies = new ArrayList<>();
        for (List<String> record : CsvLine.readResource("/generate/replies.csv")) {
            if (record.size() != 6) {
                throw new IllegalStateException("replies.csv: expected 6 fields: " + record);
            }
            EventType outcome = EventType.fromLabel(record.get(5));
            String reason = record.get(4);
            if (outcome == null || (outcome != EventType.DELIVERED && !BounceReasons.isKnown(reason))) {
                throw new IllegalStateException("replies.csv: bad outcome or reason: " + record);
            }
            replies.add(new Reply(record.get(0), emptyToNull(record.get(1)), emptyToNull(record.get(2)),
                    record.get(3), reason, outcome));
        }
        return new ReplyCatalogue(replies);
    }

    /** @return a reply of the receiver for the reason, else the generic one; null when neither exists. */
    Reply pick(String receiver, String reason, EventType outcome, SeededRandom random) {
        List<Reply> own = byKey.get(key(receiver, reason, outcome));
        if (own != null) {
            return random.pick(own);
        }
        List<Reply> generic = byKey.get(key(GENERIC, reason, outcome));
        return generic == null ? null : random.pick(generic);
    }

    boolean hasOwn(String receiver, String reason, EventType outcome) {
        return byKey.containsKey(key(receiver, reason, outcome));
    }

    /** @return the reasons of that group the receiver words itself for that outcome, else the generic ones. */
    List<String> reasonsOf(String receiver, EventType outcome, BounceGroup group) {
        List<String> own = reasonsIn(receiver, outcome, group);
        return own.isEmpty() ? reasonsIn(GENERIC, outcome, group) : own;
    }

    private List<String> reasonsIn(String receiver, EventType outcome, BounceGroup group) {
        List<String> matching = new ArrayList<>();
        for (String reason : reasonsByReceiverOutcome.getOrDefault(receiver + '|' + outcome, List.of())) {
            if (!reason.isEmpty() && BounceReasons.groupOf(reason) == group) {
                matching.add(reason);
            }
        }
        return matching;
    }

    private static String key(String receiver, String reason, EventType outcome) {
        return receiver + '|' + reason + '|' + outcome;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
