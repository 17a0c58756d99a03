package com.bounceledger.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.bounceledger.ingest.CsvFields;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RawRecordSource;
import com.bounceledger.ingest.RowRejectedException;

/** Reads RFC 4180 records with the job's own record splitter; blank lines are skipped. */
public final class CsvReader {

    private static final int MAX_RECORD_BYTES = 1 << 20;

    private final RawRecordSource source;
    private RawRecord last;

    public CsvReader(InputStream in) {
        source = new RawRecordSource(in, true, MAX_RECORD_BYTES, 0, 1);
    }

    /**
     * @return the next record's fields, or null at the end of the input
     * @throws IOException for a record that is not valid CSV or UTF-8, naming its line
     */
    public List<String> next() throws IOException {
        RawRecord record = source.next();
        last = record;
        if (record == null) {
            return null;
        }
        if (record.error() != null) {
            throw new IOException("line " + record.line() + ": " + record.error());
        }
        try {
            return List.of(CsvFields.split(record.text()));
        } catch (RowRejectedException e) {
            throw new IOException("line " + record.line() + ": " + e.getMessage());
        }
    }

    /** The record that {@link #next()} returned last, with its line number and raw text. */
    public RawRecord lastRecord() {
        return last;
    }
}
