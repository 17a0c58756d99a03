package com.bounceledger.job;

import java.util.List;

import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.LogRecordParser;
import com.bounceledger.ingest.RecordBlock;
import com.bounceledger.report.RejectedRow;

/**
 * The unit of ingest's work: a block of whole records of one file, as the reader hands it to the processing
 * threads. A record, not an event, is the unit of a checkpoint, so a record that yields several events is
 * never split across two chunks.
 */
sealed interface FileBlock {

    LogFile file();

    /** Records read, rejected ones included. */
    int rows();

    /**
     * Records to be parsed by whichever thread processes the block.
     *
     * @param parser the file's parser; it keeps no state across records
     */
    record Unparsed(LogFile file, RecordBlock records, LogRecordParser parser) implements FileBlock {
        @Override
        public int rows() {
            return records.size();
        }
    }

    /** Records already parsed by the reader, in order, for a format whose records depend on the ones before. */
    record Parsed(LogFile file, int rows, List<DeliveryEvent> events, List<RejectedRow> rejected) implements FileBlock {
    }
}
