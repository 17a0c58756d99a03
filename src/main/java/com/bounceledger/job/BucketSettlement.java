package com.bounceledger.job;

import java.util.List;

import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressState;
import com.bounceledger.report.DayTally;

/** Everything one address bucket's settlement changes, written in one transaction with its checkpoint. */
record BucketSettlement(
        int bucket,
        DayTally tally,
        List<LedgerRepository.PendingMessage> resolvedPending,
        List<LedgerRepository.PendingMessage> newPending,
        List<AddressState> changedStates,
        List<AddressChange> changes,
        List<AddressChange> expiries) {
}
