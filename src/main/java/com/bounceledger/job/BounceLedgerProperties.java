package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.bounceledger.ledger.LedgerPolicy;

/**
 * The job's configuration ({@code jobs/bounce-ledger.properties}); every default of SPEC 1 and 2.4.
 *
 * @param inputRoot      the folder holding one {@code <runDate>/} folder per day
 * @param outputRoot     where {@code <runDate>/} output folders are written
 * @param stateDir       the state database, the run lock and the day's spill files
 * @param zone           the zone of "yesterday" and of syslog timestamps
 * @param chunkSize      records per ingest transaction
 * @param threads        concurrent partitions of the heavy steps
 * @param maxRejectShare the share of rejected rows above which the run fails
 * @param maxLineBytes   longest usable record
 * @param rulesFile      an operator's classification rules extending the built-in ones, or null
 * @param progressInterval how often long steps log their progress
 * @param ledger         the thresholds of the address ledger (SPEC 4)
 */
@ConfigurationProperties("bounce-ledger")
public record BounceLedgerProperties(
        @DefaultValue("input") Path inputRoot,
        @DefaultValue("output") Path outputRoot,
        @DefaultValue("output/state") Path stateDir,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("2000") int chunkSize,
        @DefaultValue("2") int threads,
        @DefaultValue("0.01") double maxRejectShare,
        @DefaultValue("65536") int maxLineBytes,
        Path rulesFile,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue Ledger ledger) {

    /** The thresholds of SPEC 4, with its defaults; see {@link LedgerPolicy}. */
    public record Ledger(
            @DefaultValue("24h") Duration suspension,
            @DefaultValue("7d") Duration engagementWindow,
            @DefaultValue("7") int softLimitNeverEngaged,
            @DefaultValue("15") int softLimitEngaged,
            @DefaultValue("72h") Duration pendingExpiry,
            @DefaultValue("3") int globalAccounts,
            @DefaultValue("60d") Duration globalWindow) {

        public LedgerPolicy policy() {
            return new LedgerPolicy(suspension, engagementWindow, softLimitNeverEngaged, softLimitEngaged,
                    pendingExpiry, globalAccounts, globalWindow);
        }
    }
}
