package com.bounceledger.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/** A log format the generator can render a day in: how its files are named and how events are written. */
interface LogFormat {

    String name();

    /** @param part 1-based: the rotated files of a day, read in name order */
    String fileName(LocalDate day, int part);

    /** @param out the file's (already compressing) stream; the writer closes it */
    LogWriter open(OutputStream out) throws IOException;
}
