package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.ingest.EventType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each receiver treats each account on each day: on some days it blocks a share of the account's
 * mail (blocklist, reputation, DMARC, spam filter: one reason for the day), on others it rate-limits
 * a share of it (deferrals, delivered later or never).
 */
final class ReceiverConditions {

    static final double BLOCK_DAY_CHANCE = 0.05;
    static final double THROTTLE_DAY_CHANCE = 0.15;

    /**
     * @param blockReason    the reason of the day's blocks, or null when the receiver does not block
     * @param throttleReason the reason of the day's deferrals, or null when it does not rate-limit
     */
    record Day(String blockReason, double blockShare, String throttleReason, double throttleShare) {
    }

    private final long seed;
    private final Map<String, List<String>> blockReasons = new HashMap<>();
    private final Map<String, List<String>> throttleReasons = new HashMap<>();

    ReceiverConditions(long seed, ReplyCatalogue catalogue, List<String> receivers) {
        this.seed = seed;
        for (String receiver : receivers) {
            blockReasons.put(receiver, catalogue.reasonsOf(receiver, EventType.BOUNCED, BounceGroup.BLOCK));
            List<String> throttling = catalogue.reasonsOf(receiver, EventType.DEFERRED, BounceGroup.SOFT).stream()
                    .filter(reason -> reason.equals("speeding") || reason.equals("toomanyconn")).toList();
            throttleReasons.put(receiver, throttling.isEmpty() ? List.of("toomanyconn") : throttling);
        }
    }

    Day on(String receiver, SenderAccount account, long epochDay) {
        SeededRandom random = new SeededRandom(SeededRandom.mix(seed, receiver.hashCode(), account.index(), epochDay));
        String blockReason = null;
        double blockShare = 0;
        if (random.chance(BLOCK_DAY_CHANCE)) {
            blockReason = random.pick(blockReasons.get(receiver));
            blockShare = 0.15 + 0.45 * random.nextDouble();
        }
        String throttleReason = null;
        double throttleShare = 0;
        if (random.chance(THROTTLE_DAY_CHANCE)) {
            throttleReason = random.pick(throttleReasons.get(receiver));
            throttleShare = 0.1 + 0.4 * random.nextDouble();
        }
        return new Day(blockReason, blockShare, throttleReason, throttleShare);
    }
}
