package com.bounceledger.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A sending account (tenant) with its own list of subscribers.
 *
 * @param volumeWeight     relative share of the day's messages
 * @param listShare        share of the population on its list
 * @param badAddressFactor how much more (or less) than average its list holds dead or suspended
 *                         addresses: a bought list is dirtier than a double-opt-in one
 */
record SenderAccount(int index, String name, String sendingDomain, String ip, double volumeWeight,
                     double listShare, double badAddressFactor) {

    private static final String[] NAMES = {"acme-outdoor", "nordlys-books", "petit-marche", "bergmann-tech",
            "casa-verde", "sakura-travel", "oakridge-bank", "bluewave-fitness", "lumen-games", "rivera-wines"};

    static List<SenderAccount> create(int count, long seed) {
        List<SenderAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SeededRandom random = new SeededRandom(SeededRandom.mix(seed, i, 0xACC0L));
            String name = i < NAMES.length ? NAMES[i] : "account-" + (i + 1);
            accounts.add(new SenderAccount(i, name, sendingDomainOf(name), "192.0.2." + (10 + i % 240),
                    0.6 + 0.8 * random.nextDouble(), 0.55 + 0.25 * random.nextDouble(),
                    0.8 + 1.2 * random.nextDouble()));
        }
        return accounts;
    }

    /** The domain an account sends from (its bounce address and DKIM domain). */
    static String sendingDomainOf(String account) {
        return account + ".example";
    }
}
