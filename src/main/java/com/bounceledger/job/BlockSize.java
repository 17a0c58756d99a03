package com.bounceledger.job;

/**
 * How ingest divides its work: blocks, the unit that the processing threads take one at a time, and chunks
 * of blocks, the unit of a transaction and a checkpoint.
 *
 * @param records        records in a block at most
 * @param bytes          a block ends once it holds this many bytes, so that long records make smaller blocks
 * @param blocksPerChunk blocks in a chunk: a chunk holds at most {@code records * blocksPerChunk} records
 */
public record BlockSize(int records, int bytes, int blocksPerChunk) {

    /** A few hundred KB: large enough that per-block costs vanish, small enough that a chunk's blocks fit in the heap. */
    static final int BLOCK_BYTES = 256 << 10;

    /**
     * @param chunkRecords records per transaction ({@code bounce-ledger.chunk-size})
     * @param blockRecords records per block ({@code bounce-ledger.block-records}); no more than a chunk's
     */
    public static BlockSize of(int chunkRecords, int blockRecords) {
        int records = Math.max(1, Math.min(blockRecords, chunkRecords));
        return new BlockSize(records, BLOCK_BYTES, Math.max(1, chunkRecords / records));
    }
}
