package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Only what is open at a checkpoint is written, and what was written is deleted when it changes. */
class PostfixQueueTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @Test
    void aMessageOpenedAndRemovedBetweenTwoCheckpointsIsNeverWritten() {
        PostfixQueue queue = new PostfixQueue();
        queue.start("mta1/A", "a@x", DAY);
        queue.remove("mta1/A");
        queue.start("mta1/B", "b@x", DAY);

        PostfixQueue.Changes changes = queue.takeChanges();

        assertThat(changes.deleted()).isEmpty();
        assertThat(changes.inserted()).containsExactly(new PostfixQueue.Entry("mta1/B", "b@x", DAY, List.of()));
        assertThat(queue.takeChanges().isEmpty()).isTrue();
    }

    @Test
    void aStoredEntryIsRewrittenWhenItsWaitingRecipientsChangeAndDeletedWhenRemoved() {
        PostfixQueue queue = new PostfixQueue();
        queue.restore(new PostfixQueue.Entry("mta1/A", "a@x", DAY.minusDays(1), List.of("ann@x.com")));
        queue.waiting("mta1/A", "bob@x.com");

        PostfixQueue.Changes waiting = queue.takeChanges();
        queue.done("mta1/A", "ann@x.com");
        queue.remove("mta1/A");
        PostfixQueue.Changes removed = queue.takeChanges();

        assertThat(waiting.deleted()).containsExactly("mta1/A");
        assertThat(waiting.inserted()).containsExactly(
                new PostfixQueue.Entry("mta1/A", "a@x", DAY.minusDays(1), List.of("ann@x.com", "bob@x.com")));
        assertThat(removed.deleted()).containsExactly("mta1/A");
        assertThat(removed.inserted()).isEmpty();
    }
}
