package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.bounceledger.ingest.InputFormatException;

class AwaitProcessingTest {

    private final AwaitProcessing awaitProcessing = new AwaitProcessing();

    @Test
    void aProcessedBlockIsHandedOn() {
        SpilledBlock block = new SpilledBlock(0, 3, new SpillBatch(16), List.of());

        assertThat(awaitProcessing.process(CompletableFuture.completedFuture(block))).isSameAs(block);
    }

    /** The step fails on the worker's own error, as it did when it processed the block itself. */
    @Test
    void aBlockWhoseProcessingFailedFailsTheChunkWithTheWorkersError() {
        CompletableFuture<SpilledBlock> failed = CompletableFuture.supplyAsync(() -> {
            throw new InputFormatException("day.csv, line 7: broken");
        });

        assertThatThrownBy(() -> awaitProcessing.process(failed)).isInstanceOf(InputFormatException.class)
                .hasMessage("day.csv, line 7: broken");
    }
}
