package com.bounceledger.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;

/** The rules of SPEC 4 that turn a day's events into changes of an address's state. */
public final class LedgerRules {

    private final Duration suspension;

    /** @param suspension how long a block suppresses the address */
    public LedgerRules(Duration suspension) {
        this.suspension = suspension;
    }

    /** Applies one event, in time order, to the state of its (account, address). */
    public void apply(AddressState state, ClassifiedEvent classified, List<AddressChange> changes) {
        DeliveryEvent event = classified.event();
        Classification classification = classified.classification();
        switch (event.type()) {
            case BOUNCED -> {
                if (classification.isComplaint()) {
                    complain(state, event, changes);
                } else if (classification.isBounce()) {
                    bounce(state, event, classification, changes);
                }
            }
            case COMPLAINED -> complain(state, event, changes);
            case UNSUBSCRIBED -> {
                if (state.unsubscribedAt == null) {
                    state.unsubscribedAt = event.timestamp();
                    record(state, changes, "unsubscribed", null, "unsubscribe", null, event.timestamp());
                }
            }
            default -> { }
        }
    }

    /** Ends the suspensions whose end is at or before {@code endOfRunDate}; the history keeps them. */
    public void expireSuspension(AddressState state, Instant endOfRunDate, List<AddressChange> changes) {
        if (state.suspendedUntil != null && !state.suspendedUntil.isAfter(endOfRunDate)) {
            record(state, changes, "suspension_expired", state.suspendedReason, "block", null, state.suspendedUntil);
            state.suspendedSince = null;
            state.suspendedUntil = null;
            state.suspendedReason = null;
        }
    }

    private void bounce(AddressState state, DeliveryEvent event, Classification classification,
                        List<AddressChange> changes) {
        switch (classification.group()) {
            case HARD -> {
                if (state.invalidSince == null) {
                    state.invalidSince = event.timestamp();
                    state.invalidReason = classification.reason().code();
                    state.invalidCause = "hard_bounce";
                    record(state, changes, "invalidated", state.invalidReason, "hard_bounce", event.diagnostic(),
                            event.timestamp());
                }
            }
            case BLOCK -> {
                Instant until = event.timestamp().plus(suspension);
                if (state.suspendedUntil == null || until.isAfter(state.suspendedUntil)) {
                    boolean extension = state.suspendedUntil != null;
                    if (!extension) {
                        state.suspendedSince = event.timestamp();
                    }
                    state.suspendedUntil = until;
                    state.suspendedReason = classification.reason().code();
                    record(state, changes, extension ? "suspension_extended" : "suspended", state.suspendedReason,
                            "block", event.diagnostic(), event.timestamp());
                }
            }
            default -> { }
        }
    }

    private void complain(AddressState state, DeliveryEvent event, List<AddressChange> changes) {
        if (state.complainedAt == null) {
            state.complainedAt = event.timestamp();
            record(state, changes, "complained", null, "complaint", event.diagnostic(), event.timestamp());
        }
    }

    private static void record(AddressState state, List<AddressChange> changes, String change, String reason,
                               String cause, String diagnostic, Instant at) {
        state.markChanged();
        changes.add(new AddressChange(state.account(), state.address(), change, reason, cause, diagnostic, at));
    }
}
