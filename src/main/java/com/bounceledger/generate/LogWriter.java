package com.bounceledger.generate;

import java.io.Closeable;
import java.io.IOException;

/** Writes the events of one file. */
interface LogWriter extends Closeable {

    /** Writes an event the format shows; @return how many rows (lines) it took */
    int write(GeneratedEvent event) throws IOException;

    /** Writes one deliberately broken row made from a real event. @return the rows written */
    int writeBroken(GeneratedEvent basis, BrokenRow kind) throws IOException;
}
