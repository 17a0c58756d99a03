package com.bounceledger.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Collects what made steps fail, partition workers included (a partitioned step itself only reports that
 * a partition failed), so the launcher can give the real reason in one line.
 */
public class StepFailures implements StepExecutionListener {

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        failures.addAll(stepExecution.getFailureExceptions());
        return null;
    }

    public List<Throwable> all() {
        return List.copyOf(failures);
    }
}
