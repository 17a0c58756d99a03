package com.bounceledger.report;

/** Messages whose final failure of the day had this reason, with an example reply. */
public record ReasonMetrics(String reason, String group, long messages, String example) {
}
