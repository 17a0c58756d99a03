package com.bounceledger.generate;

import com.bounceledger.ingest.EventType;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/** A log format the generator can render a day in: how its files are named and how events are written. */
interface LogFormat {

    static LogFormat named(String name) {
        return switch (name) {
            case "canonical" -> new CanonicalCsvFormat();
            case "powermta" -> new PowerMtaFormat();
            case "postfix" -> new PostfixLogFormat();
            default -> throw new IllegalArgumentException("unknown format " + name);
        };
    }

    String name();

    /** @return whether this format has a line for such an event (PowerMTA has no sends, Postfix no opens) */
    boolean shows(EventType type, boolean returnedLater);

    /** @param part 1-based: the rotated files of a day, read in name order */
    String fileName(LocalDate day, int part);

    /** @param out the file's (already compressing) stream; the writer closes it */
    LogWriter open(OutputStream out) throws IOException;
}
