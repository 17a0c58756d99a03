package com.bounceledger.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.bounceledger.ledger.LedgerPolicy;
import com.bounceledger.ingest.MessageIdPattern;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.report.ReportSettings;
import com.bounceledger.report.ReportText;
import com.bounceledger.report.Thresholds;

/**
 * The job's configuration ({@code jobs/bounce-ledger.properties}); every default of SPEC 1 and 2.4.
 *
 * @param inputRoot      the folder holding one {@code <runDate>/} folder per day
 * @param outputRoot     where {@code <runDate>/} output folders are written
 * @param stateDir       the state database, the run lock and the day's spill files
 * @param zone           the zone of "yesterday" and of syslog timestamps
 * @param chunkSize      records per ingest transaction (a checkpoint), at most
 * @param blockRecords   records per block, the unit of ingest that the processing threads take one at a time
 * @param threads        concurrent partitions of the heavy steps
 * @param sortRunRecords lines of the outputs (suppressions, changes) sorted in memory at a time
 * @param maxRejectShare the share of rejected rows above which the run fails
 * @param maxLineBytes   longest usable record
 * @param directReads    read the input files around the page cache ({@code O_DIRECT}) where the file system allows
 *                       it; false for input on a network file system, where direct reads go to the server uncached
 * @param rulesFile      an operator's classification rules extending the built-in ones, or null
 * @param progressInterval how often long steps log their progress
 * @param writeTurnTimeout how long a settle partition waits for its turn to write before it fails the run
 *                         (a turn lasts one bucket's transaction: 57 ms on average on the second 10M-message day)
 * @param lookupCost     how many stored rows settle reads in a range in the time of one lookup by hash: the status
 *                       table is looked up once it holds more rows per bucket than this many times the bucket's
 *                       addresses, and read as a range of its key before
 * @param ledger         the thresholds of the address ledger (SPEC 4)
 * @param powerMta       where PowerMTA records name their account, campaign and message (SPEC 2.2)
 * @param postfix        how Postfix messages get their account and campaign (SPEC 2.3)
 * @param report         the email-performance workbook (SPEC 5 thresholds, 6.1)
 */
@ConfigurationProperties("bounce-ledger")
public record BounceLedgerProperties(
        @DefaultValue("input") Path inputRoot,
        @DefaultValue("output") Path outputRoot,
        @DefaultValue("output/state") Path stateDir,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("20000") int chunkSize,
        @DefaultValue("1000") int blockRecords,
        @DefaultValue("2") int threads,
        @DefaultValue("50000") int sortRunRecords,
        @DefaultValue("0.01") double maxRejectShare,
        @DefaultValue("65536") int maxLineBytes,
        @DefaultValue("true") boolean directReads,
        Path rulesFile,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("10m") Duration writeTurnTimeout,
        @DefaultValue("2") int lookupCost,
        @DefaultValue Ledger ledger,
        @DefaultValue PowerMta powerMta,
        @DefaultValue Postfix postfix,
        @DefaultValue Report report) {

    /** A count that must be positive stops the launch, not the night at the step that first uses it. */
    public BounceLedgerProperties {
        positive("chunk-size", chunkSize);
        positive("block-records", blockRecords);
        positive("threads", threads);
        positive("sort-run-records", sortRunRecords);
        positive("max-line-bytes", maxLineBytes);
        positive("lookup-cost", lookupCost);
        if (writeTurnTimeout.isNegative() || writeTurnTimeout.isZero()) {
            throw new InvalidSettingException("bounce-ledger.write-turn-timeout must be positive, not "
                    + writeTurnTimeout);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new InvalidSettingException("bounce-ledger." + name + " must be at least 1, not " + value);
        }
    }

    /** A setting the job cannot run with. */
    public static final class InvalidSettingException extends IllegalArgumentException {
        InvalidSettingException(String message) {
            super(message);
        }
    }

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

    /**
     * @param campaignColumns columns tried in order, the first non-empty one names the campaign
     * @param accountColumns  columns tried in order, the first non-empty one names the account
     * @param messageIdColumn the Message-ID column; without a value the id is derived from the record
     */
    public record PowerMta(@DefaultValue({"header_X-Campaign", "jobId"}) List<String> campaignColumns,
                           @DefaultValue("vmta") List<String> accountColumns,
                           @DefaultValue("header_Message-Id") String messageIdColumn) {
    }

    /**
     * @param messageIdPattern a regular expression on the Message-ID with named groups {@code account} and/or
     *                         {@code campaign}; none by default
     * @param defaultAccount   the account when the pattern does not say
     * @param defaultCampaign  the campaign when the pattern does not say
     * @param queueLifetime    how long a queue id stays open without its {@code removed} line (Postfix gives up
     *                         after 5 days by default)
     */
    public record Postfix(String messageIdPattern,
                          @DefaultValue("default") String defaultAccount,
                          @DefaultValue("unknown") String defaultCampaign,
                          @DefaultValue("7d") Duration queueLifetime) {

        /** A bad pattern stops the launch instead of failing the night at its first Postfix file. */
        public Postfix {
            new MessageIdPattern(messageIdPattern, defaultAccount, defaultCampaign);
        }
    }

    public BlockSize blockSize() {
        return BlockSize.of(chunkSize, blockRecords);
    }

    /** The parsers' view of this configuration for one run date. */
    public ParserSettings parserSettings(LocalDate runDate) {
        return new ParserSettings(runDate, zone,
                new ParserSettings.PowerMtaColumns(powerMta.campaignColumns(), powerMta.accountColumns(),
                        powerMta.messageIdColumn()),
                new MessageIdPattern(postfix.messageIdPattern(), postfix.defaultAccount(), postfix.defaultCampaign()));
    }

    /**
     * @param language          en, sv, nl or fr: any language with a {@code report/text_<language>.properties}
     * @param topDomains        domains listed before "other" on the Domains sheet
     * @param trendDays         run dates of history on the Trend sheet
     * @param bounceWarning     bounce rate (a fraction of sent) above which the report warns
     * @param bounceCritical    bounce rate above which it is critical
     * @param complaintWarning  complaint rate (a fraction of delivered) above which the report warns
     * @param complaintCritical complaint rate above which it is critical (Gmail's bulk-sender limit)
     */
    public record Report(@DefaultValue("en") String language, @DefaultValue("20") int topDomains,
                         @DefaultValue("30") int trendDays, @DefaultValue("0.02") double bounceWarning,
                         @DefaultValue("0.05") double bounceCritical, @DefaultValue("0.001") double complaintWarning,
                         @DefaultValue("0.003") double complaintCritical) {

        public ReportSettings settings() {
            return new ReportSettings(ReportText.of(language),
                    new Thresholds(bounceWarning, bounceCritical, complaintWarning, complaintCritical),
                    topDomains, trendDays);
        }
    }
}
