package com.bounceledger.report;

/**
 * A row of {@code suppression-changes-<date>.csv}, for systems that load increments.
 *
 * @param action added, updated (a suspension extended) or removed
 */
public record SuppressionChange(String action, SuppressionEntry entry) {
}
