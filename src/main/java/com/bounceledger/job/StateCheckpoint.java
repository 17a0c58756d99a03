package com.bounceledger.job;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints the state database after a partitioned step, once every partition has ended its transactions:
 * HSQLDB's automatic checkpoint is off (schema.sql), because one that fell while partitions waited for each
 * other deadlocked them. The checkpoint writes the step's changes into the data file and empties the log, so
 * that a killed run's relaunch replays at most one step's writes.
 */
public class StateCheckpoint implements StepExecutionListener {

    private final JdbcTemplate jdbc;

    public StateCheckpoint(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        jdbc.execute("CHECKPOINT");
        return null;
    }
}
