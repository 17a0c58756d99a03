package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

class TimeOrderTest {

    private static final Instant DAY = Instant.parse("2026-11-21T00:00:00Z");
    private static final Comparator<ClassifiedEvent> BY_TIME = Comparator.comparing(e -> e.event().timestamp());

    /** Many events share a second: each keeps its place among them, as a stable sort keeps it. */
    @Test
    void eventsComeInTimeOrderAndEqualTimesKeepTheirOrder() {
        Random random = new Random(7);
        List<ClassifiedEvent> events = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            events.add(event(i, DAY.plusSeconds(random.nextInt(4 * 86_400)).plusMillis(random.nextInt(3) * 500L)));
        }

        assertSortedAsByComparator(events);
    }

    @Test
    void timesFinerThanAMillisecondAreOrderedToo() {
        List<ClassifiedEvent> events = new ArrayList<>(List.of(event(0, DAY.plusNanos(900)), event(1, DAY),
                event(2, DAY.plusNanos(10)), event(3, DAY.minusMillis(1))));

        assertSortedAsByComparator(events);
    }

    /** A time decades away from the others (a clock gone wrong in a log) does not overflow the keys. */
    @Test
    void timesYearsApartAreOrderedToo() {
        List<ClassifiedEvent> events = new ArrayList<>(List.of(event(0, DAY), event(1, Instant.EPOCH),
                event(2, DAY.minusSeconds(1)), event(3, Instant.parse("2100-01-01T00:00:00Z")), event(4, DAY)));

        assertSortedAsByComparator(events);
        assertThat(events.get(0).event().timestamp()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void noEventsStayNone() {
        List<ClassifiedEvent> events = new ArrayList<>();
        TimeOrder.sort(events);
        assertThat(events).isEmpty();
    }

    private static void assertSortedAsByComparator(List<ClassifiedEvent> events) {
        List<ClassifiedEvent> expected = new ArrayList<>(events);
        expected.sort(BY_TIME);
        TimeOrder.sort(events);
        assertThat(events).containsExactlyElementsOf(expected);
    }

    private static ClassifiedEvent event(int n, Instant at) {
        return new ClassifiedEvent(new DeliveryEvent(at, "acme", "spring", "m" + n, "user" + n + "@example.com",
                EventType.OPENED, null, null, null, null, null, false), null);
    }
}
