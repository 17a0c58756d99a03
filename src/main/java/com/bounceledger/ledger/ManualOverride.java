package com.bounceledger.ledger;

/** One line of a day's {@code overrides.csv}: an operator's {@code reset} or {@code suppress}. */
/** @param raw the line as written, for the rejects file */
public record ManualOverride(long line, String account, String address, String action, String note, String raw) {
}
