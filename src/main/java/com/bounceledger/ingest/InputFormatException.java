package com.bounceledger.ingest;

/** A whole input file is unusable (unknown format, missing required columns, broken gzip). */
public class InputFormatException extends RuntimeException {

    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
