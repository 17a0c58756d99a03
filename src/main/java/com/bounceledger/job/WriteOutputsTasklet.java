package com.bounceledger.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The last step: every file of the day, from the committed state. */
public class WriteOutputsTasklet implements Tasklet {

    private final DayOutputWriter outputs;

    WriteOutputsTasklet(DayOutputWriter outputs) {
        this.outputs = outputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        outputs.writeRejects();
        outputs.writeSuppression();
        outputs.writeSuppressionChanges();
        outputs.writeReport();
        return RepeatStatus.FINISHED;
    }
}
