package com.bounceledger.job;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;


/** Fails the run when rejected rows exceed the configured share of the day, rather than report misleading numbers. */
public class RejectShareTasklet implements Tasklet {

    private final LocalDate runDate;
    private final double maxShare;
    private final InputFileRepository inputFiles;
    private final DayOutputWriter outputs;

    RejectShareTasklet(LocalDate runDate, double maxShare, InputFileRepository inputFiles, DayOutputWriter outputs) {
        this.runDate = runDate;
        this.maxShare = maxShare;
        this.inputFiles = inputFiles;
        this.outputs = outputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        InputFileRepository.RowCounts counts = inputFiles.totals(runDate);
        if (counts.rowsRead() > 0 && (double) counts.rowsRejected() / counts.rowsRead() > maxShare) {
            outputs.writeRejects(); // so the operator can see what was wrong
            throw new RunRefusedException(String.format(Locale.ROOT,
                    "%,d of %,d rows (%.2f%%) of %s were rejected, more than the allowed %.2f%%; see %s"
                            + " (or raise bounce-ledger.max-reject-share)",
                    counts.rowsRejected(), counts.rowsRead(), 100.0 * counts.rowsRejected() / counts.rowsRead(),
                    runDate, 100 * maxShare, outputs.files().rejects()));
        }
        return RepeatStatus.FINISHED;
    }
}
