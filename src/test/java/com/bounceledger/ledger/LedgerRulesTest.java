package com.bounceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bounceledger.classify.BounceGroup;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.ClassifiedEvent;
import com.bounceledger.classify.Reason;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.EventType;

class LedgerRulesTest {

    private final LedgerRules rules = new LedgerRules(Duration.ofHours(24));
    private final AddressState state = new AddressState("acme", "ann@example.com");
    private final List<AddressChange> changes = new ArrayList<>();

    @Test
    void aHardBounceInvalidatesOnce() {
        rules.apply(state, bounce("2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD), changes);
        rules.apply(state, bounce("2026-11-21T11:00:00Z", Reason.HOSTUNKNOWN, BounceGroup.HARD), changes);

        assertThat(state.invalidSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(state.invalidReason()).isEqualTo("userunknown");
        assertThat(changes).extracting(AddressChange::change).containsExactly("invalidated");
        assertThat(changes.get(0).diagnostic()).isEqualTo("550 reply");
    }

    @Test
    void aBlockSuspendsFor24HoursAndANewBlockExtends() {
        rules.apply(state, bounce("2026-11-21T10:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK), changes);
        rules.apply(state, bounce("2026-11-21T15:00:00Z", Reason.SPAMDETECTED, BounceGroup.BLOCK), changes);

        assertThat(state.suspendedSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(state.suspendedUntil()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
        assertThat(changes).extracting(AddressChange::change).containsExactly("suspended", "suspension_extended");
    }

    @Test
    void aSuspensionExpiresAtTheRunWhoseDayEndsAfterIt() {
        rules.apply(state, bounce("2026-11-21T10:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK), changes);

        rules.expireSuspension(state, Instant.parse("2026-11-22T00:00:00Z"), changes);
        assertThat(state.suspendedUntil()).isNotNull();

        rules.expireSuspension(state, Instant.parse("2026-11-23T00:00:00Z"), changes);
        assertThat(state.suspendedUntil()).isNull();
        assertThat(changes).extracting(AddressChange::change).containsExactly("suspended", "suspension_expired");
        assertThat(changes.get(1).at()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void softBouncesAndAutoRepliesChangeNothingHere() {
        rules.apply(state, bounce("2026-11-21T10:00:00Z", Reason.MAILBOXFULL, BounceGroup.SOFT), changes);
        rules.apply(state, bounce("2026-11-21T10:00:00Z", Reason.VACATION, BounceGroup.NONE), changes);

        assertThat(changes).isEmpty();
        assertThat(state.changed()).isFalse();
    }

    @Test
    void complaintsAndUnsubscribesAreRecordedOnce() {
        rules.apply(state, event("2026-11-21T10:00:00Z", EventType.COMPLAINED, null), changes);
        rules.apply(state, bounce("2026-11-21T11:00:00Z", Reason.FEEDBACK, BounceGroup.NONE), changes);
        rules.apply(state, event("2026-11-21T12:00:00Z", EventType.UNSUBSCRIBED, null), changes);

        assertThat(state.complainedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(changes).extracting(AddressChange::change).containsExactly("complained", "unsubscribed");
    }

    private static ClassifiedEvent bounce(String at, Reason reason, BounceGroup group) {
        return event(at, EventType.BOUNCED, new Classification(reason, group, "test"));
    }

    private static ClassifiedEvent event(String at, EventType type, Classification classification) {
        return new ClassifiedEvent(new DeliveryEvent(Instant.parse(at), "acme", "spring", "m1", "ann@example.com",
                type, "550", null, "550 reply", null, null, false), classification);
    }
}
