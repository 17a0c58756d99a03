package com.bounceledger.job;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.bounceledger.classify.ClassifiedEvent;

/**
 * Puts a bucket's events in time order, stably, by sorting primitive keys (the event's millisecond since the
 * bucket's first, then its position) instead of comparing events: the comparator followed two references per
 * comparison, and took 3.6 to 4.2 s of the settle partitions' time on the fourth 10M-message night.
 */
final class TimeOrder {

    private static final Comparator<ClassifiedEvent> BY_TIME = Comparator.comparing(e -> e.event().timestamp());
    /** The low bits of a key hold the event's position, so that equal times keep their order. */
    private static final int POSITION_BITS = 26;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** About four years: the times of a day and of the messages it carries over are far closer. */
    private static final long MAX_SPAN_MILLIS = Long.MAX_VALUE >>> POSITION_BITS;

    private TimeOrder() {
    }

    static void sort(List<ClassifiedEvent> events) {
        int count = events.size();
        long[] keys = new long[count];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            Instant at = events.get(i).event().timestamp();
            if (at.getNano() % 1_000_000 != 0) { // finer than the keys: the comparator decides
                events.sort(BY_TIME);
                return;
            }
            keys[i] = at.toEpochMilli();
            first = Math.min(first, keys[i]);
            last = Math.max(last, keys[i]);
        }
        if (count > POSITION_MASK || last - first > MAX_SPAN_MILLIS) {
            events.sort(BY_TIME);
            return;
        }
        for (int i = 0; i < count; i++) {
            keys[i] = (keys[i] - first) << POSITION_BITS | i;
        }
        Arrays.sort(keys);
        ClassifiedEvent[] inOrder = new ClassifiedEvent[count];
        for (int i = 0; i < count; i++) {
            inOrder[i] = events.get((int) (keys[i] & POSITION_MASK));
        }
        for (int i = 0; i < count; i++) {
            events.set(i, inOrder[i]);
        }
    }
}
