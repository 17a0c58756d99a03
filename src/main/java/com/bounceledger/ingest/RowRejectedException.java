package com.bounceledger.ingest;

/** A row that cannot be used; its message is the reason written to the rejects file. */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(String reason) {
        super(reason, null, false, false); // thrown per bad row: no stack trace to fill
    }
}
