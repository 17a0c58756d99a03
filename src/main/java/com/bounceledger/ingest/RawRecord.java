package com.bounceledger.ingest;

/**
 * One record of a log file as text, or the reason it could not be read as text.
 *
 * @param line  the line number where the record starts (1-based)
 * @param text  the record without its line break
 * @param error why the record is unusable before parsing (too long, invalid UTF-8), or null
 */
public record RawRecord(long line, String text, String error) {

    static RawRecord of(long line, String text) {
        return new RawRecord(line, text, null);
    }

    static RawRecord rejected(long line, String error, String text) {
        return new RawRecord(line, text, error);
    }
}
