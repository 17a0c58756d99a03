package com.bounceledger.generate;

/** The kinds of deliberately broken rows, so the job's rejects file has every kind of content. */
enum BrokenRow {
    MISSING_RECIPIENT,
    BAD_TIMESTAMP,
    UNKNOWN_EVENT,
    INVALID_ADDRESS,
    WRONG_COLUMN_COUNT
}
