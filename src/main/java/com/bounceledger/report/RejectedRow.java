package com.bounceledger.report;

/** A row of {@code rejects-<date>.csv}: the file, line, reason and the raw line cut to 1,000 characters. */
public record RejectedRow(String file, long line, String error, String raw) {
}
