package com.bounceledger.ledger;

import java.time.Instant;

/** The health of one (account, address) across days; mutable while a bucket is settled. */
public final class AddressState {

    private final String account;
    private final String address;
    Instant invalidSince;
    String invalidReason;
    String invalidCause;
    Instant suspendedSince;
    Instant suspendedUntil;
    String suspendedReason;
    Instant complainedAt;
    Instant unsubscribedAt;
    private boolean changed;

    public AddressState(String account, String address) {
        this.account = account;
        this.address = address;
    }

    /** Rebuilds a stored state. */
    public static AddressState stored(String account, String address, Instant invalidSince, String invalidReason,
                                      String invalidCause, Instant suspendedSince, Instant suspendedUntil,
                                      String suspendedReason, Instant complainedAt, Instant unsubscribedAt) {
        AddressState state = new AddressState(account, address);
        state.invalidSince = invalidSince;
        state.invalidReason = invalidReason;
        state.invalidCause = invalidCause;
        state.suspendedSince = suspendedSince;
        state.suspendedUntil = suspendedUntil;
        state.suspendedReason = suspendedReason;
        state.complainedAt = complainedAt;
        state.unsubscribedAt = unsubscribedAt;
        return state;
    }

    void markChanged() {
        changed = true;
    }

    /** Whether the settlement changed it, so it must be written back. */
    public boolean changed() {
        return changed;
    }

    public String account() { return account; }
    public String address() { return address; }
    public Instant invalidSince() { return invalidSince; }
    public String invalidReason() { return invalidReason; }
    public String invalidCause() { return invalidCause; }
    public Instant suspendedSince() { return suspendedSince; }
    public Instant suspendedUntil() { return suspendedUntil; }
    public String suspendedReason() { return suspendedReason; }
    public Instant complainedAt() { return complainedAt; }
    public Instant unsubscribedAt() { return unsubscribedAt; }
}
