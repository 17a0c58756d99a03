package com.bounceledger.job;

import java.time.Instant;

import com.bounceledger.ledger.AddressChange;
import com.bounceledger.report.SuppressionChange;
import com.bounceledger.report.SuppressionEntry;

/** Which audit-trail changes add, update or remove a line of the suppression file. */
final class SuppressionChanges {

    private SuppressionChanges() {
    }

    /**
     * @param suspendedSince the suspension of the change's ledger row after the run, if any
     * @return the suppression change, or null for a ledger change the suppression file does not show
     */
    static SuppressionChange of(AddressChange ledgerChange, Instant suspendedSince, Instant suspendedUntil) {
        String account = ledgerChange.account();
        String address = ledgerChange.address();
        String reason = ledgerChange.reason();
        String cause = ledgerChange.cause();
        Instant at = ledgerChange.at();
        return switch (ledgerChange.change()) {
            case "invalidated", "promoted" -> added("invalid", account, address, reason, cause, at, null);
            case "global" -> added("global", account, address, reason, cause, at, null);
            case "suppressed" -> added("manual", account, address, reason, cause, at, null);
            case "reset" -> "soft_counter".equals(reason) ? null : new SuppressionChange("removed",
                    new SuppressionEntry(account, address, reason, null, cause, at, null));
            case "suspended" -> added("suspended", account, address, reason, cause, at, suspendedUntil);
            case "suspension_extended" -> new SuppressionChange("updated", new SuppressionEntry(account, address,
                    "suspended", reason, cause, suspendedSince == null ? at : suspendedSince, suspendedUntil));
            case "suspension_expired" -> new SuppressionChange("removed",
                    new SuppressionEntry(account, address, "suspended", reason, cause, at, null));
            case "complained" -> added("complained", account, address, reason, cause, at, null);
            case "unsubscribed" -> added("unsubscribed", account, address, reason, cause, at, null);
            default -> null;
        };
    }

    private static SuppressionChange added(String status, String account, String address, String reason,
                                           String cause, Instant at, Instant until) {
        return new SuppressionChange("added", new SuppressionEntry(account, address, status, reason, cause, at, until));
    }
}
