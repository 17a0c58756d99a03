package com.bounceledger.job;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes each settled bucket in the chunk's transaction, together with the partition's checkpoint. */
public class SettlementWriter implements ItemWriter<BucketSettlement> {

    private final LocalDate runDate;
    private final LedgerRepository ledger;

    public SettlementWriter(LocalDate runDate, LedgerRepository ledger) {
        this.runDate = runDate;
        this.ledger = ledger;
    }

    @Override
    public void write(Chunk<? extends BucketSettlement> chunk) {
        for (BucketSettlement settlement : chunk) {
            ledger.save(runDate, settlement);
        }
    }
}
