package com.bounceledger.generate;

/** One person of the population, the same on every day for a given seed. */
record Recipient(int index, String address, RecipientDomain domain, MailboxProfile mailbox, Engagement engagement) {

    MailboxCondition conditionOn(int day) {
        return domain.exists() ? mailbox.conditionOn(day) : MailboxCondition.NO_DOMAIN;
    }
}
