package com.bounceledger.generate;

import com.bounceledger.ingest.EventType;

/**
 * One reply a receiving server (or the sending MTA itself) gives, from {@code generate/replies.csv}.
 *
 * @param receiver       the receiver family whose wording this is ({@code gmail}, {@code mimecast}, ...)
 * @param smtpCode       reply code, or null when the reply has none
 * @param enhancedStatus RFC 3463 status, or null when the reply has none
 * @param template       reply text with placeholders such as {@code {recipient}} and {@code {ip}}
 * @param reason         the intended Sisimai reason (empty for a delivery)
 * @param outcome        the event this reply is logged with: delivered, deferred or bounced
 */
record Reply(String receiver, String smtpCode, String enhancedStatus, String template, String reason,
             EventType outcome) {
}
