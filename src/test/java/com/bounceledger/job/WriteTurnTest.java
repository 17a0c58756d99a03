package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class WriteTurnTest {

    private final WriteTurn turn = new WriteTurn(Duration.ofSeconds(10));
    private final TransactionTemplate transactions = new TransactionTemplate(new ResourcelessTransactionManager());

    @Test
    void theSecondWriterWaitsUntilTheFirstTransactionHasCommitted() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstHasTurn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            turn.takeUntilTransactionEnds();
            order.add("first writes");
            firstHasTurn.countDown();
            await(releaseFirst);
            order.add("first commits");
        }));
        await(firstHasTurn);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            turn.takeUntilTransactionEnds();
            order.add("second writes");
        }));

        Thread.sleep(200); // the second writer is blocked: nothing it does can show before the first commits
        assertThat(order).containsExactly("first writes");
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly("first writes", "first commits", "second writes");
        assertThat(turn.isTaken()).isFalse();
    }

    @Test
    void aRollbackEndsTheTurn() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            turn.takeUntilTransactionEnds();
            throw new IllegalArgumentException("a failed write");
        })).hasMessage("a failed write");

        assertThat(turn.isTaken()).isFalse();
    }

    @Test
    void takingTheTurnAgainInTheSameTransactionNeitherBlocksNorOutlivesIt() {
        transactions.executeWithoutResult(status -> {
            turn.takeUntilTransactionEnds();
            turn.takeUntilTransactionEnds();
            assertThat(turn.isTaken()).isTrue();
        });

        assertThat(turn.isTaken()).isFalse();
    }

    @Test
    void aWriterThatWaitsLongerThanItsPatienceFails() throws Exception {
        WriteTurn impatient = new WriteTurn(Duration.ofMillis(100));
        CountDownLatch firstHasTurn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            impatient.takeUntilTransactionEnds();
            firstHasTurn.countDown();
            await(releaseFirst);
        }));
        await(firstHasTurn);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> impatient.takeUntilTransactionEnds()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waited PT0.1S for the turn to write")
                .hasMessageContaining("bounce-ledger.write-turn-timeout");

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(impatient.isTaken()).isFalse();
    }

    @Test
    void aTurnOutsideATransactionIsRefused() {
        assertThatThrownBy(turn::takeUntilTransactionEnds)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none is active");
        assertThat(turn.isTaken()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
