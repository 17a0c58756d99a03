package com.bounceledger.ingest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the MTA log parsers need beyond a file's content: the run date and zone (syslog timestamps have
 * neither year nor zone), and where account, campaign and message id come from.
 *
 * @param powerMta   the PowerMTA columns of account, campaign and message id
 * @param messageIds account and campaign of a Postfix message, from its Message-ID
 */
public record ParserSettings(LocalDate runDate, ZoneId zone, PowerMtaColumns powerMta, MessageIdPattern messageIds) {

    /** The defaults of SPEC 2.2 and 2.3, for a run date in UTC. */
    public static ParserSettings defaults(LocalDate runDate) {
        return new ParserSettings(runDate, ZoneId.of("UTC"),
                new PowerMtaColumns(List.of("header_X-Campaign", "jobId"), List.of("vmta"), "header_Message-Id"),
                MessageIdPattern.NONE);
    }

    /**
     * @param campaign  columns tried in order: the first non-empty one names the campaign
     * @param account   columns tried in order: the first non-empty one names the account
     * @param messageId the column of the Message-ID; without it (or when empty) an id is derived from the record
     */
    public record PowerMtaColumns(List<String> campaign, List<String> account, String messageId) {
    }
}
