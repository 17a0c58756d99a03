package com.bounceledger.report;

import java.util.function.Consumer;

import com.bounceledger.ledger.AddressChange;

/** The run date's ledger changes in (account, address, sequence) order, streamed rather than held. */
@FunctionalInterface
public interface ChangeSource {

    void forEach(Consumer<AddressChange> sink);
}
