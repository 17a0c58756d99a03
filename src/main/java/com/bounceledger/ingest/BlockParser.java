package com.bounceledger.ingest;

import java.util.ArrayList;
import java.util.List;

/** Parses the records of a block in order: each record's events, or why it is rejected. */
public final class BlockParser {

    private BlockParser() {
    }

    /** A record is rejected whole: the events a parser added before rejecting it are dropped. */
    public static void parse(RecordBlock block, LogRecordParser parser, RecordSink sink) {
        List<DeliveryEvent> events = new ArrayList<>(2);
        for (int i = 0; i < block.size(); i++) {
            RawRecord record = block.record(i);
            if (record.error() != null) {
                sink.rejected(record.line(), record.error(), record.text());
                continue;
            }
            events.clear();
            try {
                parser.parse(record, events);
            } catch (RowRejectedException e) {
                sink.rejected(record.line(), e.getMessage(), record.text());
                continue;
            }
            for (int e = 0; e < events.size(); e++) {
                sink.event(events.get(e));
            }
        }
    }
}
