package com.bounceledger.ledger;

import java.time.Instant;

/**
 * One entry of the audit trail: what changed for an (account, address), why, and the reply that caused it.
 *
 * @param change  invalidated, suspended, suspension_expired, complained, unsubscribed, ...
 * @param reason  the classifier's reason, when a bounce caused it
 * @param cause   what kind of event caused it: hard_bounce, block, complaint, unsubscribe, ...
 */
public record AddressChange(String account, String address, String change, String reason, String cause,
                            String diagnostic, Instant at) {
}
