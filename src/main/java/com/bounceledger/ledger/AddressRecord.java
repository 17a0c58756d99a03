package com.bounceledger.ledger;

import java.time.Instant;

/**
 * One stored row of the ledger's statuses. A global bounce is the row of account {@code *}, invalid for every
 * account. The last engagement is stored apart (see {@link AddressState#lastEngagedAt()}).
 *
 * @param hardExcusedAt  the hard bounce that engagement excused; the next one invalidates
 * @param softCount      soft bounces since the last delivery, at most one per campaign
 * @param softCampaigns  the campaigns already counted, as {@link SoftBounceCounter} encodes them
 */
public record AddressRecord(String account, String address, Instant invalidSince, String invalidReason,
                            String invalidCause, Instant suspendedSince, Instant suspendedUntil,
                            String suspendedReason, Instant complainedAt, Instant unsubscribedAt,
                            Instant hardExcusedAt, int softCount, String softCampaigns,
                            String softLastReason, Instant manualSince, String manualNote) {
}
