package com.bounceledger.ingest;

/** The log formats a day's folder may hold, recognised from a file's first record. */
public enum LogFormat {

    CANONICAL(true, true) {
        @Override
        boolean recognises(String firstRecord) {
            return CanonicalCsvParser.isHeader(firstRecord);
        }

        @Override
        public LogRecordParser parser(String header) {
            return new CanonicalCsvParser(header);
        }
    };

    private final boolean header;
    private final boolean quoted;

    LogFormat(boolean header, boolean quoted) {
        this.header = header;
        this.quoted = quoted;
    }

    abstract boolean recognises(String firstRecord);

    /** @param header the file's header record, or null for a format without one */
    public abstract LogRecordParser parser(String header);

    /** Whether the first record names the columns rather than being data. */
    public boolean hasHeader() {
        return header;
    }

    /** Whether records follow RFC 4180 quoting (a quoted field may hold a line break). */
    public boolean quoted() {
        return quoted;
    }

    /** @return the format whose shape the first record has, or null when none matches */
    public static LogFormat detect(String firstRecord) {
        for (LogFormat format : values()) {
            if (format.recognises(firstRecord)) {
                return format;
            }
        }
        return null;
    }
}
