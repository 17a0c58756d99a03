package com.bounceledger.ledger;

import java.time.Duration;

/**
 * The thresholds of SPEC 4, all configurable.
 *
 * @param suspension              how long a block suppresses the address
 * @param engagementWindow        an open or click this recent excuses the first hard bounce
 * @param softLimitNeverEngaged   soft bounces (one per campaign) that invalidate an address that never engaged
 * @param softLimitEngaged        the same for an address that opened or clicked at some time
 * @param pendingExpiry           a message without outcome this long after its first event is a soft bounce
 * @param globalAccounts          invalid in this many accounts makes an address globally bounced ...
 * @param globalWindow            ... when the invalidations fall within this window
 */
public record LedgerPolicy(Duration suspension, Duration engagementWindow, int softLimitNeverEngaged,
                           int softLimitEngaged, Duration pendingExpiry, int globalAccounts, Duration globalWindow) {

    /** SPEC 4's defaults. */
    public static LedgerPolicy defaults() {
        return new LedgerPolicy(Duration.ofHours(24), Duration.ofDays(7), 7, 15, Duration.ofHours(72), 3,
                Duration.ofDays(60));
    }
}
