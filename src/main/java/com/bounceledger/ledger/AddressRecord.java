package com.bounceledger.ledger;

import java.time.Instant;

/**
 * One stored row of the ledger. A global bounce is the row of account {@code *}, invalid for every account.
 *
 * @param lastEngagedAt  the last open or click: recent engagement excuses a first hard bounce
 * @param hardExcusedAt  the hard bounce that engagement excused; the next one invalidates
 * @param softCount      soft bounces since the last delivery, at most one per campaign
 * @param softCampaigns  the campaigns already counted, as {@link SoftBounceCounter} encodes them
 */
public record AddressRecord(String account, String address, Instant invalidSince, String invalidReason,
                            String invalidCause, Instant suspendedSince, Instant suspendedUntil,
                            String suspendedReason, Instant complainedAt, Instant unsubscribedAt,
                            Instant lastEngagedAt, Instant hardExcusedAt, int softCount, String softCampaigns,
                            String softLastReason, Instant manualSince, String manualNote) {
}
