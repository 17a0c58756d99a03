package com.bounceledger.job;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets one partition at a time write, from its first write until its transaction has committed or rolled back.
 * HSQLDB serialises writes to a table anyway, row by row: two partitions writing at once handed its table locks
 * back and forth at every row, and waited for each other most of the time (a profile of the second 10M-message
 * day: 22.8 s of the settle threads' 41.7 s in the ledger's writes were lock waits). Taking turns per
 * transaction, one partition writes while the other reads and computes its next bucket.
 * <p>
 * Free of deadlocks because a partition takes its turn only inside its transaction, after its reads, and writes
 * nothing before it: the holder never waits for a row or a transaction of a partition waiting for the turn.
 * Should that ever fail, a partition waits {@code patience} at most and then fails the run, which a relaunch
 * resumes, rather than hanging the night.
 */
public class WriteTurn {

    private final ReentrantLock lock = new ReentrantLock();
    private final Duration patience;

    public WriteTurn(Duration patience) {
        this.patience = patience;
    }

    /** Waits for the turn, then holds it until the current transaction ends; once per transaction. */
    public void takeUntilTransactionEnds() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a write turn lasts a transaction, and none is active");
        }
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        waitForTheTurn();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    private void waitForTheTurn() {
        try {
            if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("waited " + patience + " for the turn to write, held by another"
                        + " partition (bounce-ledger.write-turn-timeout); relaunch the run date to resume it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the turn to write", e);
        }
    }

    boolean isTaken() {
        return lock.isLocked();
    }
}
