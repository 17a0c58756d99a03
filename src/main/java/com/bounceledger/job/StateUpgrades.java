package com.bounceledger.job;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Brings a state database written by an earlier build up to this one before the job runs. {@code schema.sql}
 * adds a new table empty to such a database ({@code CREATE TABLE IF NOT EXISTS}); an upgrade fills it from the
 * tables that held its data before. Each upgrade runs once per database, in one transaction with its row of
 * {@code state_upgrade}, so that a killed launch leaves it whole to the next one. On a new database it copies
 * nothing.
 */
public class StateUpgrades {

    private static final Logger log = LoggerFactory.getLogger(StateUpgrades.class);

    /** A data upgrade: its name in {@code state_upgrade}, and the statement that applies it. */
    record Upgrade(String name, String statement) {
    }

    /** In the order they apply. */
    static final List<Upgrade> UPGRADES = List.of(
            // Since 206d224 settlement finds the suspensions that end in address_suspension once it looks the
            // statuses up by hash; a suspension made before that is only in address_state, and would never end.
            // The rows already there (a database of 206d224 or later) are kept.
            new Upgrade("address_suspension from address_state", """
                    INSERT INTO address_suspension (addr_hash, account, address)
                    SELECT s.addr_hash, s.account, s.address FROM address_state s
                    WHERE s.suspended_until IS NOT NULL AND NOT EXISTS (SELECT 1 FROM address_suspension x
                        WHERE x.addr_hash = s.addr_hash AND x.account = s.account AND x.address = s.address)"""));

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    public StateUpgrades(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Applies the upgrades this database has not had yet. */
    public void apply() {
        Set<String> applied = new HashSet<>(jdbc.queryForList("SELECT name FROM state_upgrade", String.class));
        for (Upgrade upgrade : UPGRADES) {
            if (!applied.contains(upgrade.name())) {
                transactions.executeWithoutResult(status -> {
                    int rows = jdbc.update(upgrade.statement());
                    jdbc.update("INSERT INTO state_upgrade (name, applied_at) VALUES (?, CURRENT_TIMESTAMP)",
                            upgrade.name());
                    if (rows > 0) {
                        log.info("State upgrade '{}': {} rows", upgrade.name(), rows);
                    }
                });
            }
        }
    }
}
