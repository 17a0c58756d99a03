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

    /** The states whose statuses or engagement a settlement changed, to be written back. */
    public List<AddressState> changed() {
        List<AddressState> changed = new ArrayList<>();
        for (Map<String, AddressState> accounts : byAddress.values()) {
            for (AddressState state : accounts.values()) {
                if (state.changed() || state.engagementChanged()) {
                    changed.add(state);
                }
            }
        }
        return changed;
    }
}
