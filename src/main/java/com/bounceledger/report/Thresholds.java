package com.bounceledger.report;

/**
 * The rates the report flags (SPEC 5): a rate above a warning or a critical level. Configuration, since senders
 * hold themselves to different limits (Gmail's bulk-sender complaint limit is 0.3%).
 */
public record Thresholds(double bounceWarning, double bounceCritical, double complaintWarning,
                         double complaintCritical) {

    public enum Flag { OK, WARNING, CRITICAL }

    public Thresholds {
        if (bounceWarning > bounceCritical || complaintWarning > complaintCritical) {
            throw new IllegalArgumentException("a warning threshold is above its critical threshold");
        }
    }

    /** @return null when there is no rate (nothing sent): nothing to flag */
    public Flag bounce(Double rate) {
        return flag(rate, bounceWarning, bounceCritical);
    }

    public Flag complaint(Double rate) {
        return flag(rate, complaintWarning, complaintCritical);
    }

    private static Flag flag(Double rate, double warning, double critical) {
        if (rate == null) {
            return null;
        }
        return rate > critical ? Flag.CRITICAL : rate > warning ? Flag.WARNING : Flag.OK;
    }
}
