package com.bounceledger.generate;

/**
 * How one person's mailbox behaves over the days, fixed by the seed. Days are counted from the first
 * generated day (day 0), so a spell of a full mailbox spans several daily files.
 *
 * @param fromDay   first day of the spell (full, vacation, closed mailbox)
 * @param untilDay  first day after the spell
 * @param deletedAfterSuspension whether a suspended account is deleted at the end of its suspension
 * @param hardReason the reason its hard bounces give: {@code userunknown}, or {@code hasmoved} for a few
 */
record MailboxProfile(Kind kind, int fromDay, int untilDay, boolean deletedAfterSuspension, String hardReason) {

    enum Kind {
        HEALTHY,
        /** No such mailbox, from the first day. */
        DEAD,
        /** A mailbox in use, closed on {@code fromDay}: its owner may have opened mail the week before. */
        CLOSES,
        /** Full from {@code fromDay} until {@code untilDay}, then cleared. */
        FILLS_UP,
        /** Suspended until {@code untilDay}; then reactivated, or deleted. */
        SUSPENDED,
        /** Out of office from {@code fromDay} until {@code untilDay}. */
        VACATION
    }

    MailboxCondition conditionOn(int day) {
        boolean inSpell = day >= fromDay && day < untilDay;
        return switch (kind) {
            case HEALTHY -> MailboxCondition.OK;
            case DEAD -> MailboxCondition.UNKNOWN_USER;
            case CLOSES -> day >= fromDay ? MailboxCondition.UNKNOWN_USER : MailboxCondition.OK;
            case FILLS_UP -> inSpell ? MailboxCondition.FULL : MailboxCondition.OK;
            case SUSPENDED -> day < untilDay ? MailboxCondition.SUSPENDED
                    : deletedAfterSuspension ? MailboxCondition.UNKNOWN_USER : MailboxCondition.OK;
            case VACATION -> inSpell ? MailboxCondition.ON_VACATION : MailboxCondition.OK;
        };
    }

    /** Dead or dying addresses are over-represented on dirty lists. */
    boolean isBad() {
        return kind == Kind.DEAD || kind == Kind.CLOSES || kind == Kind.SUSPENDED;
    }
}
