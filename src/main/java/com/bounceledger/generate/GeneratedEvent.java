package com.bounceledger.generate;

import com.bounceledger.ingest.DeliveryEvent;

/**
 * One event handed to a renderer: the event itself, plus what some log formats show beside it.
 *
 * @param sentAt the epoch second the message was sent (PowerMTA's {@code timeQueued}, Postfix's {@code delay=})
 * @param reason the intended reason of a bounce or deferral (PowerMTA's {@code bounceCat}), or null
 * @param returnedLater whether it came back by mail after the delivery (a PowerMTA {@code rb} record;
 *                      absent from Postfix logs)
 */
record GeneratedEvent(DeliveryEvent event, long sentAt, String reason, boolean returnedLater) {
}
