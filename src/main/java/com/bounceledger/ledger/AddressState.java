package com.bounceledger.ledger;

import java.time.Instant;

/**
 * The health of one (account, address) across days; mutable while a day is settled. Its statuses and its last
 * engagement are stored apart: most addresses that open or click never bounce, and a day's engagement would
 * otherwise rewrite a full status row for each of them.
 */
public final class AddressState {

    /** The account of the per-address state that a global bounce creates: it suppresses every account. */
    public static final String ALL_ACCOUNTS = "*";

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
    Instant lastEngagedAt;
    Instant hardExcusedAt;
    final SoftBounceCounter softBounces;
    Instant manualSince;
    String manualNote;
    private final boolean stored;
    private final Instant storedSuspendedUntil;
    private boolean changed;
    private boolean engagementChanged;

    public AddressState(String account, String address) {
        this(new AddressRecord(account, address, null, null, null, null, null, null, null, null, null, 0, null, null,
                null, null), false);
    }

    /** Rebuilds a stored state. */
    public AddressState(AddressRecord stored) {
        this(stored, true);
    }

    private AddressState(AddressRecord stored, boolean isStored) {
        this.stored = isStored;
        storedSuspendedUntil = isStored ? stored.suspendedUntil() : null;
        account = stored.account();
        address = stored.address();
        invalidSince = stored.invalidSince();
        invalidReason = stored.invalidReason();
        invalidCause = stored.invalidCause();
        suspendedSince = stored.suspendedSince();
        suspendedUntil = stored.suspendedUntil();
        suspendedReason = stored.suspendedReason();
        complainedAt = stored.complainedAt();
        unsubscribedAt = stored.unsubscribedAt();
        hardExcusedAt = stored.hardExcusedAt();
        softBounces = new SoftBounceCounter(stored.softCount(), stored.softCampaigns(), stored.softLastReason());
        manualSince = stored.manualSince();
        manualNote = stored.manualNote();
    }

    /** The statuses, as written back. */
    public AddressRecord toRecord() {
        return new AddressRecord(account, address, invalidSince, invalidReason, invalidCause, suspendedSince,
                suspendedUntil, suspendedReason, complainedAt, unsubscribedAt, hardExcusedAt, softBounces.count(),
                softBounces.campaigns(), softBounces.lastReason(), manualSince, manualNote);
    }

    /** Restores the stored last engagement. */
    public void restoreEngagement(Instant storedLastEngagedAt) {
        lastEngagedAt = storedLastEngagedAt;
    }

    void markChanged() {
        changed = true;
    }

    void engaged(Instant at) {
        lastEngagedAt = at;
        engagementChanged = true;
    }

    /** Whether the settlement changed its statuses, so they must be written back. */
    public boolean changed() {
        return changed;
    }

    /** Whether its statuses were read from the ledger, so writing them back is an update rather than an insert. */
    public boolean stored() {
        return stored;
    }

    /** The end of the suspension in force when its statuses were read from the ledger; null without one. */
    public Instant storedSuspendedUntil() {
        return storedSuspendedUntil;
    }

    /** Whether the settlement recorded a later engagement, so it must be written back. */
    public boolean engagementChanged() {
        return engagementChanged;
    }

    public boolean isGlobal() {
        return ALL_ACCOUNTS.equals(account);
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
    public Instant lastEngagedAt() { return lastEngagedAt; }
    public Instant hardExcusedAt() { return hardExcusedAt; }
    public int softBounceCount() { return softBounces.count(); }
    public Instant manualSince() { return manualSince; }
}
