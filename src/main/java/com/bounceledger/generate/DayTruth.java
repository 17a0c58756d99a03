package com.bounceledger.generate;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.ingest.EventType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator knows about one day's files: the counts a correct job must find. "Messages"
 * counts are unique messages with at least one such event in the day's files (a message opened
 * twice counts once); "events" counts are rows. Bounced messages are split by the intended group of
 * their reply; out-of-office replies, logged as bounced, are counted apart.
 */
final class DayTruth {

    private static final EventType[] TYPES = EventType.values();

    private long rows;
    private long badRows;
    private long lateMessages;
    private long firstSeenMessages;
    private long pendingExpiries;
    private final long[] events = new long[TYPES.length];
    private final long[] messages = new long[TYPES.length];
    private final Map<BounceGroup, Long> bouncedByGroup = new TreeMap<>();
    private final Map<String, Long> bouncedByReason = new TreeMap<>();
    private final Map<String, long[]> byAccount = new TreeMap<>();

    void countRows(int written) {
        rows += written;
    }

    void countBadRows(int written) {
        rows += written;
        badRows += written;
    }

    /** A message whose first event this format shows is in these files: SPEC 5's Sent for formats without sends. */
    void countFirstSeen() {
        firstSeenMessages++;
    }

    /** A message sent days ago whose expiry as a pending message (SPEC 4.4) ends in these files' window. */
    void countPendingExpiry() {
        pendingExpiries++;
    }

    /**
     * @param firstOfTypeToday whether this is the message's first event of this type in the day's files
     * @param late             whether it is the message's first event in the day's files, sent on an earlier day
     */
    void countEvent(String account, EventType type, String reason, boolean firstOfTypeToday, boolean late) {
        events[type.ordinal()]++;
        if (late) {
            lateMessages++;
        }
        if (!firstOfTypeToday) {
            return;
        }
        messages[type.ordinal()]++;
        long[] perAccount = byAccount.computeIfAbsent(account, a -> new long[TYPES.length + BounceGroup.values().length]);
        perAccount[type.ordinal()]++;
        if (type == EventType.BOUNCED) {
            BounceGroup group = BounceReasons.groupOf(reason);
            bouncedByGroup.merge(group, 1L, Long::sum);
            bouncedByReason.merge(reason, 1L, Long::sum);
            perAccount[TYPES.length + group.ordinal()]++;
        }
    }

    void add(DayTruth other) {
        rows += other.rows;
        badRows += other.badRows;
        lateMessages += other.lateMessages;
        firstSeenMessages += other.firstSeenMessages;
        pendingExpiries += other.pendingExpiries;
        for (int i = 0; i < TYPES.length; i++) {
            events[i] += other.events[i];
            messages[i] += other.messages[i];
        }
        other.bouncedByGroup.forEach((group, count) -> bouncedByGroup.merge(group, count, Long::sum));
        other.bouncedByReason.forEach((reason, count) -> bouncedByReason.merge(reason, count, Long::sum));
        other.byAccount.forEach((account, counts) -> {
            long[] mine = byAccount.computeIfAbsent(account, a -> new long[counts.length]);
            for (int i = 0; i < counts.length; i++) {
                mine[i] += counts[i];
            }
        });
    }

    long rows() {
        return rows;
    }

    long badRows() {
        return badRows;
    }

    long messages(EventType type) {
        return messages[type.ordinal()];
    }

    /** Writes a properties file (keys in a fixed order, no timestamp comment, so it is reproducible). */
    void write(Path file, LocalDate day, String format, long seed, List<String> files) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# What the generator wrote in this day's input files; the job's totals must match.\n");
            out.write("# messages.X: messages with at least one X event in these files; events.X: rows of event X.\n");
            out.write("# messages.first_seen: messages whose first event this format shows is here (Sent, for formats without sends);\n");
            out.write("# messages.late: messages sent on an earlier day with events here; rows include the bad rows.\n");
            out.write("# messages.pending_expired: messages without an outcome whose 72 hours from their first event end today:\n");
            out.write("# a job run every day counts them as soft bounces 'expired' today (SPEC 4.4).\n");
            line(out, "date", day);
            line(out, "format", format);
            line(out, "seed", seed);
            line(out, "files", String.join(" ", files));
            line(out, "rows", rows);
            line(out, "rows.bad", badRows);
            for (EventType type : TYPES) {
                line(out, "messages." + type.label(), messages[type.ordinal()]);
            }
            for (BounceGroup group : BounceGroup.values()) {
                line(out, "messages.bounced." + group.label(), bouncedByGroup.getOrDefault(group, 0L));
            }
            line(out, "messages.first_seen", firstSeenMessages);
            line(out, "messages.late", lateMessages);
            line(out, "messages.pending_expired", pendingExpiries);
            for (EventType type : TYPES) {
                line(out, "events." + type.label(), events[type.ordinal()]);
            }
            for (Map.Entry<String, Long> entry : bouncedByReason.entrySet()) {
                line(out, "bounced.reason." + entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, long[]> entry : byAccount.entrySet()) {
                long[] counts = entry.getValue();
                String prefix = "account." + entry.getKey() + ".";
                line(out, prefix + "sent", counts[EventType.SENT.ordinal()]);
                line(out, prefix + "delivered", counts[EventType.DELIVERED.ordinal()]);
                for (BounceGroup group : List.of(BounceGroup.HARD, BounceGroup.SOFT, BounceGroup.BLOCK)) {
                    line(out, prefix + "bounced." + group.label(), counts[TYPES.length + group.ordinal()]);
                }
            }
        }
    }

    private static void line(Writer out, String key, Object value) throws IOException {
        out.write(key + "=" + value + "\n");
    }
}
