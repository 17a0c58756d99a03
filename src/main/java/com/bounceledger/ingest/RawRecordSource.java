package com.bounceledger.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a byte stream record by record, for small files and first lines: a {@link BlockCutter} cutting
 * blocks of one record, so that both agree on what a record, its line number and its restart offset are.
 */
public final class RawRecordSource implements Closeable {

    private final BlockCutter cutter;

    /**
     * @param offset   the stream position of {@code in}: 0 for a new file, the restart offset after a skip
     * @param nextLine the line number of the first record to be read
     */
    public RawRecordSource(InputStream in, boolean quoted, int maxRecordBytes, long offset, long nextLine) {
        cutter = new BlockCutter(in, quoted, maxRecordBytes, offset, nextLine);
    }

    /** @return the next record, or null at the end of the stream. Blank lines are skipped. */
    public RawRecord next() throws IOException {
        RecordBlock block = cutter.next(1, Integer.MAX_VALUE);
        return block == null ? null : block.record(0);
    }

    /** Resumes at a checkpoint: discards content up to {@code target} and continues counting at {@code line}. */
    public void skipTo(long target, long line) throws IOException {
        cutter.skipTo(target, line);
    }

    /** Bytes consumed so far: after a record, the offset at which reading resumes. */
    public long offset() {
        return cutter.offset();
    }

    public long nextLine() {
        return cutter.nextLine();
    }

    @Override
    public void close() throws IOException {
        cutter.close();
    }
}
