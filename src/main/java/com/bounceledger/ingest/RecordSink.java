package com.bounceledger.ingest;

/** Receives what the records of a block yield, in record order. */
public interface RecordSink {

    void event(DeliveryEvent event);

    /** A record that cannot be used: its line, the reason and its text (lenient UTF-8 for invalid bytes). */
    void rejected(long line, String error, String raw);
}
