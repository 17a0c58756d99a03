package com.bounceledger.job;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Ends every suspension that ends within the run date (SPEC 4.2), after the day's events had their chance to
 * extend it: two set-based statements in one transaction, however large the ledger.
 */
public class ExpireSuspensionsTasklet implements Tasklet {

    private final LocalDate runDate;
    private final Instant endOfRunDate;
    private final LedgerRepository ledger;

    ExpireSuspensionsTasklet(LocalDate runDate, Instant endOfRunDate, LedgerRepository ledger) {
        this.runDate = runDate;
        this.endOfRunDate = endOfRunDate;
        this.ledger = ledger;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(ledger.expireSuspensions(runDate, endOfRunDate));
        return RepeatStatus.FINISHED;
    }
}
