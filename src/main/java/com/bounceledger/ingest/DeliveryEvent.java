package com.bounceledger.ingest;

import java.time.Instant;

/**
 * One event of one message, whatever log format it came from.
 *
 * @param smtpCode       3-digit reply code, or null
 * @param enhancedStatus RFC 3463 status such as {@code 5.1.1}, or null
 * @param diagnostic     the remote server's reply text, or null
 * @param remoteMta      the remote host, or null
 * @param bounceHint     the MTA's own bounce category (PowerMTA {@code bounceCat}), or null: a hint
 *                       for the classifier that never overrides a clear reply
 * @param attempt        a delivery attempt logged by the sending MTA (PowerMTA {@code d/b/t}, a Postfix
 *                       delivery line): in formats without a {@code sent} event, the first attempt makes
 *                       the message sent (SPEC 5)
 */
public record DeliveryEvent(
        Instant timestamp,
        String account,
        String campaign,
        String messageId,
        String recipient,
        EventType type,
        String smtpCode,
        String enhancedStatus,
        String diagnostic,
        String remoteMta,
        String bounceHint,
        boolean attempt) {
}
