package com.bounceledger.job;

import java.util.List;

import com.bounceledger.ingest.DeliveryEvent;

/**
 * One record of an input file: its events, or why it was rejected. A record, not an event, is the unit
 * of a checkpoint, so a record that yields several events is never split across two chunks.
 *
 * @param fileIndex the record's file, as a partition may read several
 */
record ParsedRecord(int fileIndex, long line, List<DeliveryEvent> events, String error, String raw) {

    static ParsedRecord rejected(int fileIndex, long line, String error, String raw) {
        return new ParsedRecord(fileIndex, line, List.of(), error, raw);
    }

    boolean isRejected() {
        return error != null;
    }
}
