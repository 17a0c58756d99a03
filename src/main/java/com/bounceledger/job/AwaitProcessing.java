package com.bounceledger.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Ingest's processor: awaits a block's processing, which the reader started on the ingest workers as the block
 * was cut ({@link LogFileItemReader}), so that the workers process the next chunk while this one is written.
 */
final class AwaitProcessing implements ItemProcessor<CompletableFuture<SpilledBlock>, SpilledBlock> {

    @Override
    public SpilledBlock process(CompletableFuture<SpilledBlock> processing) {
        try {
            return processing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
