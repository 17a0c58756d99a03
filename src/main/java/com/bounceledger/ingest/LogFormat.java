package com.bounceledger.ingest;

/** The log formats a day's folder may hold, recognised from a file's first record. */
public enum LogFormat {

    CANONICAL(true, true) {
        @Override
        boolean recognises(String firstRecord) {
            return CanonicalCsvParser.isHeader(firstRecord);
        }

        @Override
        public LogRecordParser parser(String header, ParserSettings settings, PostfixQueue queue) {
            return new CanonicalCsvParser(header);
        }
    },

    POWERMTA(true, true) {
        @Override
        boolean recognises(String firstRecord) {
            return PowerMtaParser.isHeader(firstRecord);
        }

        @Override
        public LogRecordParser parser(String header, ParserSettings settings, PostfixQueue queue) {
            return new PowerMtaParser(header, settings.powerMta());
        }
    },

    /** Syslog lines: the files of a day are read in name order by one parser, which joins them by queue id. */
    POSTFIX(false, false) {
        @Override
        boolean recognises(String firstRecord) {
            return PostfixLogParser.isSyslog(firstRecord);
        }

        @Override
        public LogRecordParser parser(String header, ParserSettings settings, PostfixQueue queue) {
            return new PostfixLogParser(settings, queue);
        }
    };

    private final boolean header;
    private final boolean quoted;

    LogFormat(boolean header, boolean quoted) {
        this.header = header;
        this.quoted = quoted;
    }

    abstract boolean recognises(String firstRecord);

    /**
     * @param header the file's header record, or null for a format without one
     * @param queue  the open Postfix queue ids (used by {@link #POSTFIX} only)
     */
    public abstract LogRecordParser parser(String header, ParserSettings settings, PostfixQueue queue);

    /** Whether the first record names the columns rather than being data. */
    public boolean hasHeader() {
        return header;
    }

    /** Whether records follow RFC 4180 quoting (a quoted field may hold a line break). */
    public boolean quoted() {
        return quoted;
    }

    /**
     * Whether a record's meaning depends on the records before it, so that a file's records are parsed in order
     * on one thread: Postfix joins lines by queue id. Other formats' blocks are parsed concurrently (a repeated
     * PowerMTA header ends its block, and the blocks after it get a parser of its columns: see
     * {@link LogRecordParser#after}).
     */
    public boolean parsesInOrder() {
        return this == POSTFIX;
    }

    /** Whether one parser reads all the day's files of this format in name order, as one log. */
    public boolean joinsFiles() {
        return this == POSTFIX;
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
