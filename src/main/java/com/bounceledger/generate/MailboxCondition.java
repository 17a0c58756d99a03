package com.bounceledger.generate;

/** The state of one mailbox on one day, which decides how the receiver answers. */
enum MailboxCondition {
    OK,
    /** The mailbox does not exist (never did, or was closed): a hard bounce every time. */
    UNKNOWN_USER,
    /** The domain does not exist: the sending MTA cannot find a mail host. */
    NO_DOMAIN,
    /** Over quota: soft bounces, repeated across campaigns until the owner clears it. */
    FULL,
    /** The provider suspended or disabled the account. */
    SUSPENDED,
    /** Mail is delivered, and the owner's out-of-office replies. */
    ON_VACATION
}
