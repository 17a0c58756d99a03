package com.bounceledger.job;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each settled bucket in the chunk's transaction, together with the partition's checkpoint, in the
 * partition's write turn.
 */
public class SettlementWriter implements ItemWriter<BucketSettlement> {

    private final LocalDate runDate;
    private final LedgerRepository ledger;
    private final WriteTurn writeTurn;

    public SettlementWriter(LocalDate runDate, LedgerRepository ledger, WriteTurn writeTurn) {
        this.runDate = runDate;
        this.ledger = ledger;
        this.writeTurn = writeTurn;
    }

    @Override
    public void write(Chunk<? extends BucketSettlement> chunk) {
        writeTurn.takeUntilTransactionEnds();
        for (BucketSettlement settlement : chunk) {
            ledger.save(runDate, settlement);
        }
    }
}
