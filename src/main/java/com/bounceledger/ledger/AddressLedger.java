package com.bounceledger.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of a set of addresses in every account, as one settlement loads them: the rules of one
 * address may look across its accounts (global bounce).
 */
public final class AddressLedger {

    private final Map<String, Map<String, AddressState>> byAddress = new HashMap<>();

    public void add(AddressState state) {
        byAddress.computeIfAbsent(state.address(), a -> new HashMap<>(4)).put(state.account(), state);
    }

    /** The state of (account, address), a new empty one when there is none yet. */
    public AddressState state(String account, String address) {
        return byAddress.computeIfAbsent(address, a -> new HashMap<>(4))
                .computeIfAbsent(account, a -> new AddressState(account, address));
    }

    /** @return the stored state, or null */
    public AddressState find(String account, String address) {
        Map<String, AddressState> accounts = byAddress.get(address);
        return accounts == null ? null : accounts.get(account);
    }

    Collection<AddressState> accountsOf(String address) {
        return byAddress.getOrDefault(address, Map.of()).values();
    }

    List<AddressState> states() {
        List<AddressState> states = new ArrayList<>();
        byAddress.values().forEach(accounts -> states.addAll(accounts.values()));
        return states;
    }

    /** The states whose statuses or engagement a settlement changed, to be written back. */
    public List<AddressState> changed() {
        return states().stream().filter(state -> state.changed() || state.engagementChanged()).toList();
    }
}
