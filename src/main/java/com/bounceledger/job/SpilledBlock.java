package com.bounceledger.job;

import java.util.List;

import com.bounceledger.report.RejectedRow;

/**
 * A processed {@link FileBlock}: its events classified and encoded for the spill files, its rejected rows,
 * its row count; all the writer has left to do is append and insert.
 */
record SpilledBlock(int fileIndex, int rows, SpillBatch events, List<RejectedRow> rejected) {
}
