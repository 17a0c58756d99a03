package com.bounceledger.generate;

import com.bounceledger.ingest.EventType;

import java.util.List;

/** Everything that happens to one message, in time order; the generator writes the part that falls in a file. */
record MessageLife(Campaign campaign, String messageId, Recipient recipient, long sentAt, List<Event> events) {

    /**
     * @param reply      the reply it was logged with, or null (sent, opened, clicked, ...)
     * @param diagnostic the reply as the server sent it: code, status and text with its details filled in
     * @param remoteMta  the host that answered, or null
     * @param returnedLater whether it came back later by mail (a gateway's non-delivery report, an
     *                      auto-reply) rather than during the delivery attempt
     */
    record Event(long at, EventType type, Reply reply, String diagnostic, String remoteMta, boolean returnedLater) {

        /** @return the intended reason of a bounce or deferral, or null */
        String reason() {
            return reply == null || reply.reason().isEmpty() ? null : reply.reason();
        }
    }
}
