package com.bounceledger.report;

import java.time.Instant;

/**
 * One active suppression, a row of {@code suppression-<date>.csv} (SPEC 6.2).
 *
 * @param account the account, or {@code *} for a global bounce
 * @param status  invalid, suspended, global, complained, unsubscribed, manual
 * @param until   the end of a suspension; null for every other status
 */
public record SuppressionEntry(String account, String address, String status, String reason, String cause,
                               Instant since, Instant until) {
}
