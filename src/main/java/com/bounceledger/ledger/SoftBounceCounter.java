package com.bounceledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Soft bounces of an address since its last delivery, counting each campaign once. The counted campaigns
 * are kept as short checksums of their names: the list stays as small as the promotion threshold.
 */
final class SoftBounceCounter {

    private int count;
    private String campaigns;
    private String lastReason;

    SoftBounceCounter(int count, String campaigns, String lastReason) {
        this.count = count;
        this.campaigns = campaigns;
        this.lastReason = lastReason;
    }

    /** @return whether the bounce counted: false when its campaign was already counted */
    boolean count(String campaign, String reason) {
        String tag = tag(campaign);
        if (campaigns != null && (',' + campaigns + ',').contains(',' + tag + ',')) {
            return false;
        }
        campaigns = campaigns == null ? tag : campaigns + ',' + tag;
        count++;
        lastReason = reason;
        return true;
    }

    /** @return whether there was anything to clear */
    boolean clear() {
        boolean any = count > 0;
        count = 0;
        campaigns = null;
        lastReason = null;
        return any;
    }

    int count() {
        return count;
    }

    String campaigns() {
        return campaigns;
    }

    String lastReason() {
        return lastReason;
    }

    private static String tag(String campaign) {
        CRC32C crc = new CRC32C();
        crc.update(campaign.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }
}
