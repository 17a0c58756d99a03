package com.bounceledger.ingest;

import java.util.List;

/** Turns the records of one log format into delivery events. One instance reads one partition's files. */
public interface LogRecordParser {

    /**
     * Adds the events of one record to {@code out}; a record that is not a delivery event (another
     * daemon's syslog line, an ignored record type) adds nothing.
     *
     * @throws RowRejectedException when the record is unusable, with the reason
     */
    void parse(RawRecord record, List<DeliveryEvent> out);
}
