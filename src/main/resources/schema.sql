-- The job's own tables. Natural keys only (HSQLDB 2.7 generated keys are unreliable); CACHED tables keep
-- large state on disk. Every write happens in a chunk transaction together with the step's checkpoint.

CREATE CACHED TABLE IF NOT EXISTS input_file (
    run_date      DATE          NOT NULL,
    file_index    INT           NOT NULL,
    file_name     VARCHAR(1000) NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    -- The whole file's CRC32C, which builds before input_read took at the first attempt (a read of every file
    -- before ingest read it again); null since.
    checksum      BIGINT,
    format        VARCHAR(20),
    rows_read     BIGINT        DEFAULT 0 NOT NULL,
    rows_rejected BIGINT        DEFAULT 0 NOT NULL,
    PRIMARY KEY (run_date, file_index)
);

-- How much of each input file's content ingest has read, with its CRC32C, written with each ingest checkpoint: a
-- restart checks that the part of each file that the day already holds is unchanged (job.PrepareInputTasklet).
CREATE CACHED TABLE IF NOT EXISTS input_read (
    run_date   DATE   NOT NULL,
    file_index INT    NOT NULL,
    read_bytes BIGINT NOT NULL,
    checksum   BIGINT NOT NULL,
    PRIMARY KEY (run_date, file_index)
);

CREATE CACHED TABLE IF NOT EXISTS rejected_row (
    run_date  DATE          NOT NULL,
    file_name VARCHAR(1000) NOT NULL,
    line_no   BIGINT        NOT NULL,
    error     VARCHAR(500)  NOT NULL,
    raw_line  VARCHAR(1000),
    PRIMARY KEY (run_date, file_name, line_no)
);

-- Per-bucket partial sums of the day's metrics; the report adds the buckets up.
CREATE CACHED TABLE IF NOT EXISTS campaign_day (
    run_date     DATE         NOT NULL,
    bucket       INT          NOT NULL,
    account      VARCHAR(200) NOT NULL,
    campaign     VARCHAR(500) NOT NULL,
    sent         BIGINT NOT NULL,
    delivered    BIGINT NOT NULL,
    hard         BIGINT NOT NULL,
    soft         BIGINT NOT NULL,
    blocked      BIGINT NOT NULL,
    pending      BIGINT NOT NULL,
    deferred     BIGINT NOT NULL,
    opened       BIGINT NOT NULL,
    clicked      BIGINT NOT NULL,
    unsubscribed BIGINT NOT NULL,
    complained   BIGINT NOT NULL,
    PRIMARY KEY (run_date, bucket, account, campaign)
);

CREATE CACHED TABLE IF NOT EXISTS reason_day (
    run_date DATE         NOT NULL,
    bucket   INT          NOT NULL,
    reason   VARCHAR(40)  NOT NULL,
    grp      VARCHAR(10)  NOT NULL,
    messages BIGINT       NOT NULL,
    example  VARCHAR(1000),
    PRIMARY KEY (run_date, bucket, reason, grp)
);

-- The same partial sums per recipient domain (the report's Domains sheet).
CREATE CACHED TABLE IF NOT EXISTS domain_day (
    run_date  DATE         NOT NULL,
    bucket    INT          NOT NULL,
    domain    VARCHAR(254) NOT NULL,
    sent      BIGINT NOT NULL,
    delivered BIGINT NOT NULL,
    hard      BIGINT NOT NULL,
    soft      BIGINT NOT NULL,
    blocked   BIGINT NOT NULL,
    PRIMARY KEY (run_date, bucket, domain)
);

-- Messages without a final outcome, carried across days (pending to soft after 72 hours).
CREATE CACHED TABLE IF NOT EXISTS pending_message (
    account        VARCHAR(200) NOT NULL,
    message_id     VARCHAR(500) NOT NULL,
    recipient      VARCHAR(254) NOT NULL,
    addr_hash      BIGINT       NOT NULL,
    campaign       VARCHAR(500) NOT NULL,
    first_event_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The hash first, as in address_state: a bucket's messages are one range of the key, read and written in order.
    PRIMARY KEY (addr_hash, account, message_id)
);

-- The ledger: one row per (account, address) that has a status; settlement deletes a row left without any.
CREATE CACHED TABLE IF NOT EXISTS address_state (
    account            VARCHAR(200) NOT NULL,
    address            VARCHAR(254) NOT NULL,
    addr_hash          BIGINT       NOT NULL,
    invalid_since      TIMESTAMP WITH TIME ZONE,
    invalid_reason     VARCHAR(40),
    invalid_cause      VARCHAR(40),
    suspended_since    TIMESTAMP WITH TIME ZONE,
    suspended_until    TIMESTAMP WITH TIME ZONE,
    suspended_reason   VARCHAR(40),
    complained_at      TIMESTAMP WITH TIME ZONE,
    unsubscribed_at    TIMESTAMP WITH TIME ZONE,
    hard_excused_at    TIMESTAMP WITH TIME ZONE,
    soft_count         INT          DEFAULT 0 NOT NULL,
    soft_campaigns     VARCHAR(2000),
    soft_last_reason   VARCHAR(40),
    manual_since       TIMESTAMP WITH TIME ZONE,
    manual_note        VARCHAR(500),
    -- The hash first: settlement reads and writes bucket by bucket (ranges of hashes) in key order, so it
    -- works on a few index pages at a time, and it finds all accounts of an address with the key's prefix.
    PRIMARY KEY (addr_hash, account, address)
);

-- The end of each suspension in force (address_state.suspended_until), packed per shard of the address hash like
-- the engagements below (job.AddressShards): once settlement looks a bucket's statuses up by hash instead of reading
-- its whole range, it finds the suspensions that end here, so that its reads follow the day and not the number of
-- status rows, which only grows. A row per suspension (address_suspension, before) meant 361,741 inserts and
-- 246,051 deletes on the fourth 10M-message night.
CREATE CACHED TABLE IF NOT EXISTS suspension_shard (
    shard       INT                 NOT NULL,
    suspensions VARBINARY(16777216) NOT NULL,
    PRIMARY KEY (shard)
);

-- The last open or click of each (account, address), apart from the statuses, packed per shard of the address
-- hash (its top 10 bits; job.AddressShards): most addresses that engage never bounce, and on the second
-- 10M-message day a row per address meant 1.2 million rows read and 1.7 million written.
CREATE CACHED TABLE IF NOT EXISTS engagement_shard (
    shard       INT                 NOT NULL,
    engagements VARBINARY(16777216) NOT NULL,
    PRIMARY KEY (shard)
);

-- The audit trail: every ledger change with what caused it. A day's changes of one address come from the
-- stages of the run in order (1 overrides, 2 the day's events, 3 suspension expiry), numbered within each.
CREATE CACHED TABLE IF NOT EXISTS address_change (
    run_date   DATE          NOT NULL,
    account    VARCHAR(200)  NOT NULL,
    address    VARCHAR(254)  NOT NULL,
    stage      SMALLINT      NOT NULL,
    seq        INT           NOT NULL,
    change     VARCHAR(30)   NOT NULL,
    reason     VARCHAR(40),
    cause      VARCHAR(40),
    diagnostic VARCHAR(1000),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    addr_hash  BIGINT        NOT NULL,
    -- The hash first, as in the ledger: settlement appends each bucket's changes to one range of the index
    -- instead of random places of it, and the suppression changes find each ledger row in key order. The
    -- outputs sort the day's changes by account and address themselves.
    PRIMARY KEY (run_date, addr_hash, account, address, stage, seq)
);

-- Postfix queue ids still open (cleanup seen, qmgr removed not yet), joining a message's lines across files
-- and days; key host/queueid. Written at each ingest checkpoint, so a restart resumes the join.
CREATE CACHED TABLE IF NOT EXISTS postfix_queue (
    queue_key  VARCHAR(300)  NOT NULL,
    message_id VARCHAR(1000) NOT NULL,
    seen_on    DATE          NOT NULL,
    PRIMARY KEY (queue_key)
);

-- Recipients of an open queue id waiting after a deferral: those a later status=expired line fails.
CREATE CACHED TABLE IF NOT EXISTS postfix_waiting (
    queue_key VARCHAR(300) NOT NULL,
    seq       INT          NOT NULL,
    recipient VARCHAR(254) NOT NULL,
    PRIMARY KEY (queue_key, seq)
);

-- Each ingest partition's spill-file lengths at its last checkpoint (see SpillCheckpoints), written in the
-- chunk's transaction; a VARCHAR, so never a LOB. Deleted when the day completes.
CREATE CACHED TABLE IF NOT EXISTS spill_checkpoint (
    run_date        DATE           NOT NULL,
    partition_index INT            NOT NULL,
    lengths         VARCHAR(32000) NOT NULL,
    PRIMARY KEY (run_date, partition_index)
);

-- The one-time data upgrades applied to this state database (job.StateUpgrades), each recorded in the transaction
-- that applied it.
CREATE CACHED TABLE IF NOT EXISTS state_upgrade (
    name       VARCHAR(100)             NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name)
);

-- No automatic checkpoint: HSQLDB's stops every statement until the transactions in progress end, so one that
-- fell while a settle partition waited, in its open transaction, for Spring Batch's execution-context DAO lock,
-- held by the other partition whose update the checkpoint had stopped, hung a 10M run. The job checkpoints
-- after each partitioned step instead (job.StateCheckpoint), when no partition has a transaction open; the log
-- holds at most one step's writes.
SET FILES LOG SIZE 0;
