package com.bounceledger.ledger;

import java.time.Instant;
import java.util.List;

import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.ingest.DeliveryEvent;

/**
 * The rules of SPEC 4 that turn a day's events, in time order, into changes of the ledger. Every change is
 * recorded in the audit trail with its cause and the reply that caused it.
 */
public final class LedgerRules {

    static final String MANUAL_OVERRIDE = "manual_override";

    private final LedgerPolicy policy;

    public LedgerRules(LedgerPolicy policy) {
        this.policy = policy;
    }

    public LedgerPolicy policy() {
        return policy;
    }

    /** Applies one event to the ledger; events must come in time order. */
    public void apply(AddressLedger ledger, ClassifiedEvent classified, List<AddressChange> changes) {
        DeliveryEvent event = classified.event();
        switch (event.type()) {
            case DELIVERED -> delivered(ledger.find(event.account(), event.recipient()));
            case OPENED, CLICKED -> engaged(ledger.state(event.account(), event.recipient()), event.timestamp());
            case BOUNCED -> bounced(ledger, classified, changes);
            case COMPLAINED -> complain(ledger.state(event.account(), event.recipient()), event, changes);
            case UNSUBSCRIBED -> {
                AddressState state = ledger.state(event.account(), event.recipient());
                if (state.unsubscribedAt == null) {
                    state.unsubscribedAt = event.timestamp();
                    record(state, changes, "unsubscribed", null, "unsubscribe", null, event.timestamp());
                }
            }
            default -> { }
        }
    }

    /** Whether the event can change the ledger at all; the others need not be looked at. */
    public static boolean concernsLedger(DeliveryEvent event) {
        return switch (event.type()) {
            case SENT, DEFERRED -> false;
            default -> true;
        };
    }

    /**
     * Applies a manual override (SPEC 4.7) at {@code at}, before the day's events.
     *
     * @return null when it applied, else why it cannot apply
     */
    public String applyOverride(AddressLedger ledger, ManualOverride override, Instant at,
                                List<AddressChange> changes) {
        if (AddressState.ALL_ACCOUNTS.equals(override.account())) {
            return "account * holds global bounces, which no override lifts";
        }
        return switch (override.action()) {
            case "reset" -> reset(ledger, override, at, changes);
            case "suppress" -> suppress(ledger.state(override.account(), override.address()), override, at, changes);
            default -> "unknown action '" + override.action() + "' (expected reset or suppress)";
        };
    }

    /** A suspension whose end has come before {@code at} is expired first, so a later block starts anew. */
    private void bounced(AddressLedger ledger, ClassifiedEvent classified, List<AddressChange> changes) {
        DeliveryEvent event = classified.event();
        Classification classification = classified.classification();
        AddressState state = ledger.state(event.account(), event.recipient());
        if (classification.isComplaint()) {
            complain(state, event, changes);
            return;
        }
        if (!classification.isBounce()) {
            return;
        }
        String reason = classification.reason().code();
        switch (classification.group()) {
            case HARD -> hardBounce(ledger, state, event, reason, changes);
            case SOFT -> softBounce(ledger, state, event, reason, changes);
            case BLOCK -> block(state, event, reason, changes);
            default -> { }
        }
    }

    private void hardBounce(AddressLedger ledger, AddressState state, DeliveryEvent event, String reason,
                            List<AddressChange> changes) {
        if (state.invalidSince != null) {
            return;
        }
        Instant at = event.timestamp();
        if (state.hardExcusedAt == null && state.lastEngagedAt != null
                && !state.lastEngagedAt.isBefore(at.minus(policy.engagementWindow()))) {
            state.hardExcusedAt = at;
            record(state, changes, "hard_bounce_excused", reason, "recent_engagement", event.diagnostic(), at);
            return;
        }
        invalidate(ledger, state, "invalidated", reason, "hard_bounce", event.diagnostic(), at, changes);
    }

    private void softBounce(AddressLedger ledger, AddressState state, DeliveryEvent event, String reason,
                            List<AddressChange> changes) {
        if (state.invalidSince != null || !state.softBounces.count(event.campaign(), reason)) {
            return;
        }
        state.markChanged();
        int limit = state.lastEngagedAt == null ? policy.softLimitNeverEngaged() : policy.softLimitEngaged();
        if (state.softBounces.count() >= limit) {
            invalidate(ledger, state, "promoted", reason, "soft_bounce_limit", event.diagnostic(), event.timestamp(),
                    changes);
        }
    }

    private void block(AddressState state, DeliveryEvent event, String reason, List<AddressChange> changes) {
        Instant at = event.timestamp();
        if (state.suspendedUntil != null && !state.suspendedUntil.isAfter(at)) {
            expireSuspension(state, changes);
        }
        Instant until = at.plus(policy.suspension());
        if (state.suspendedUntil == null) {
            state.suspendedSince = at;
            state.suspendedUntil = until;
            state.suspendedReason = reason;
            record(state, changes, "suspended", reason, "block", event.diagnostic(), at);
        } else if (until.isAfter(state.suspendedUntil)) {
            state.suspendedUntil = until;
            state.suspendedReason = reason;
            record(state, changes, "suspension_extended", reason, "block", event.diagnostic(), at);
        }
    }

    /**
     * SPEC 4.2: after the day's events had their chance to extend them, the suspensions that end at or before the
     * end of the run date end.
     */
    public void expireSuspensions(AddressLedger ledger, Instant endOfRunDate, List<AddressChange> changes) {
        for (AddressState state : ledger.states()) {
            if (state.suspendedUntil != null && !state.suspendedUntil.isAfter(endOfRunDate)) {
                expireSuspension(state, changes);
            }
        }
    }

    /** Ends a suspension at its end; the audit trail keeps it and its cause. */
    private static void expireSuspension(AddressState state, List<AddressChange> changes) {
        record(state, changes, "suspension_expired", state.suspendedReason, "block", null, state.suspendedUntil);
        state.suspendedSince = null;
        state.suspendedUntil = null;
        state.suspendedReason = null;
    }

    private void invalidate(AddressLedger ledger, AddressState state, String change, String reason, String cause,
                            String diagnostic, Instant at, List<AddressChange> changes) {
        state.invalidSince = at;
        state.invalidReason = reason;
        state.invalidCause = cause;
        record(state, changes, change, reason, cause, diagnostic, at);
        globalBounce(ledger, state.address(), reason, diagnostic, at, changes);
    }

    /** Invalid in enough accounts within the window: suppressed for every account, for good. */
    private void globalBounce(AddressLedger ledger, String address, String reason, String diagnostic, Instant at,
                              List<AddressChange> changes) {
        Instant windowStart = at.minus(policy.globalWindow());
        long accounts = ledger.accountsOf(address).stream()
                .filter(s -> !s.isGlobal() && s.invalidSince != null && !s.invalidSince.isBefore(windowStart))
                .count();
        if (accounts < policy.globalAccounts()) {
            return;
        }
        AddressState global = ledger.state(AddressState.ALL_ACCOUNTS, address);
        if (global.invalidSince == null) {
            global.invalidSince = at;
            global.invalidReason = reason;
            global.invalidCause = "global_bounce";
            record(global, changes, "global", reason, "global_bounce", diagnostic, at);
        }
    }

    private static void delivered(AddressState state) {
        if (state == null) {
            return;
        }
        boolean cleared = state.softBounces.clear();
        if (state.hardExcusedAt != null) {
            state.hardExcusedAt = null; // the address works: a later hard bounce is a first one again
            cleared = true;
        }
        if (cleared) {
            state.markChanged();
        }
    }

    private static void engaged(AddressState state, Instant at) {
        if (state.lastEngagedAt == null || at.isAfter(state.lastEngagedAt)) {
            state.engaged(at);
        }
    }

    private static void complain(AddressState state, DeliveryEvent event, List<AddressChange> changes) {
        if (state.complainedAt == null) {
            state.complainedAt = event.timestamp();
            record(state, changes, "complained", null, "complaint", event.diagnostic(), event.timestamp());
        }
    }

    /** Clears invalid, suspended, manual and the soft counter; one audit entry per status it clears. */
    private static String reset(AddressLedger ledger, ManualOverride override, Instant at,
                                List<AddressChange> changes) {
        AddressState global = ledger.find(AddressState.ALL_ACCOUNTS, override.address());
        if (global != null && global.invalidSince != null) {
            return "the address is globally bounced, which no override lifts";
        }
        AddressState state = ledger.find(override.account(), override.address());
        int before = changes.size();
        if (state != null) {
            if (state.invalidSince != null) {
                state.invalidSince = null;
                state.invalidReason = null;
                state.invalidCause = null;
                record(state, changes, "reset", "invalid", MANUAL_OVERRIDE, override.note(), at);
            }
            if (state.suspendedUntil != null) {
                state.suspendedSince = null;
                state.suspendedUntil = null;
                state.suspendedReason = null;
                record(state, changes, "reset", "suspended", MANUAL_OVERRIDE, override.note(), at);
            }
            if (state.manualSince != null) {
                state.manualSince = null;
                state.manualNote = null;
                record(state, changes, "reset", "manual", MANUAL_OVERRIDE, override.note(), at);
            }
            state.hardExcusedAt = null;
            if (state.softBounces.clear()) {
                record(state, changes, "reset", "soft_counter", MANUAL_OVERRIDE, override.note(), at);
            }
        }
        return changes.size() > before ? null
                : "nothing to reset: not invalid, suspended or manually suppressed, and no soft bounces counted";
    }

    private static String suppress(AddressState state, ManualOverride override, Instant at,
                                   List<AddressChange> changes) {
        if (state.manualSince != null) {
            return "already suppressed manually since " + state.manualSince;
        }
        state.manualSince = at;
        state.manualNote = override.note();
        record(state, changes, "suppressed", null, MANUAL_OVERRIDE, override.note(), at);
        return null;
    }

    private static void record(AddressState state, List<AddressChange> changes, String change, String reason,
                               String cause, String diagnostic, Instant at) {
        state.markChanged();
        changes.add(new AddressChange(state.account(), state.address(), change, reason, cause, diagnostic, at));
    }
}
