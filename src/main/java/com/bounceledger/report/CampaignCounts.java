package com.bounceledger.report;

/** The day's metrics of one (account, campaign), SPEC 5; mutable while a bucket is tallied. */
public final class CampaignCounts {

    long sent;
    long delivered;
    long hard;
    long soft;
    long blocked;
    long pending;
    long deferred;
    long opened;
    long clicked;
    long unsubscribed;
    long complained;

    void add(MessageDay message) {
        sent += message.sent() ? 1 : 0;
        delivered += message.delivered() ? 1 : 0;
        if (message.failureGroup() != null) {
            switch (message.failureGroup()) {
                case HARD -> hard++;
                case SOFT -> soft++;
                case BLOCK -> blocked++;
                case NONE -> { }
            }
        }
        pending += message.pending() ? 1 : 0;
        deferred += message.deferred() ? 1 : 0;
        opened += message.opened() ? 1 : 0;
        clicked += message.clicked() ? 1 : 0;
        unsubscribed += message.unsubscribed() ? 1 : 0;
        complained += message.complained() ? 1 : 0;
    }

    public long sent() { return sent; }
    public long delivered() { return delivered; }
    public long hard() { return hard; }
    public long soft() { return soft; }
    public long blocked() { return blocked; }
    public long pending() { return pending; }
    public long deferred() { return deferred; }
    public long opened() { return opened; }
    public long clicked() { return clicked; }
    public long unsubscribed() { return unsubscribed; }
    public long complained() { return complained; }
}
