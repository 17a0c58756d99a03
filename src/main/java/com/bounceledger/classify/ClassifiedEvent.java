package com.bounceledger.classify;

import com.bounceledger.ingest.DeliveryEvent;

/**
 * A delivery event with what classification made of it.
 *
 * @param classification the verdict for a bounce or deferral, null for every other event
 */
public record ClassifiedEvent(DeliveryEvent event, Classification classification) {
}
