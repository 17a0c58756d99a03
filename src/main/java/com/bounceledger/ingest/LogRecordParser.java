package com.bounceledger.ingest;

import java.util.List;

/**
 * Turns the records of one log format into delivery events. Unless its format {@link LogFormat#parsesInOrder()},
 * a parser keeps no state across records, and the blocks of a file are parsed with it on several threads at once.
 */
public interface LogRecordParser {

    /**
     * Adds the events of one record to {@code out}; a record that is not a delivery event (another
     * daemon's syslog line, an ignored record type) adds nothing.
     *
     * @throws RowRejectedException when the record is unusable, with the reason
     */
    void parse(RawRecord record, List<DeliveryEvent> out);

    /**
     * Whether the record, as bytes, may change how the records after it are read (a repeated header): false
     * positives only cost {@link #after} a look. The reader asks this of every record, so it must be cheap.
     */
    default boolean mayRedefine(byte[] bytes, int from, int to) {
        return false;
    }

    /**
     * The parser of the records after this one, asked by the reader in file order: itself, or for a repeated
     * header a parser of the columns it names.
     *
     * @throws InputFormatException when the record redefines the columns so that the rest cannot be read
     */
    default LogRecordParser after(RawRecord record) {
        return this;
    }
}
