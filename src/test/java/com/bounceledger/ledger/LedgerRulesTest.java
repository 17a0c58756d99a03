package com.bounceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Each rule of SPEC 4 with the defaults, on the states of one address. */
class LedgerRulesTest {

    private static final String ANN = "ann@example.com";

    private final LedgerRules rules = new LedgerRules(LedgerPolicy.defaults());
    private final AddressLedger ledger = new AddressLedger();
    private final List<AddressChange> changes = new ArrayList<>();

    @Test
    void aHardBounceInvalidatesOnce() {
        apply(bounce("acme", "spring", "2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("acme", "spring", "2026-11-21T11:00:00Z", Reason.HOSTUNKNOWN, BounceGroup.HARD));

        AddressState state = ledger.find("acme", ANN);
        assertThat(state.invalidSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(state.invalidReason()).isEqualTo("userunknown");
        assertThat(state.invalidCause()).isEqualTo("hard_bounce");
        assertThat(changes).extracting(AddressChange::change).containsExactly("invalidated");
        assertThat(changes.get(0).diagnostic()).isEqualTo("550 reply");
    }

    @Test
    void anOpenWithinSevenDaysExcusesTheFirstHardBounceButNotTheSecond() {
        apply(event("acme", "spring", "2026-11-14T10:00:00Z", EventType.OPENED, null));
        apply(bounce("acme", "autumn", "2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD)); // 7 days: excused
        assertThat(ledger.find("acme", ANN).invalidSince()).isNull();

        apply(bounce("acme", "winter", "2026-11-21T12:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        assertThat(ledger.find("acme", ANN).invalidSince()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(changes).extracting(AddressChange::change).containsExactly("hard_bounce_excused", "invalidated");
    }

    @Test
    void anOpenOlderThanSevenDaysExcusesNothing() {
        apply(event("acme", "spring", "2026-11-14T09:59:59Z", EventType.CLICKED, null));
        apply(bounce("acme", "autumn", "2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));

        assertThat(changes).extracting(AddressChange::change).containsExactly("invalidated");
    }

    @Test
    void aBlockSuspendsFor24HoursAndANewBlockExtends() {
        apply(bounce("acme", "spring", "2026-11-21T10:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK));
        apply(bounce("acme", "spring", "2026-11-21T15:00:00Z", Reason.SPAMDETECTED, BounceGroup.BLOCK));

        AddressState state = ledger.find("acme", ANN);
        assertThat(state.suspendedSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(state.suspendedUntil()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
        assertThat(changes).extracting(AddressChange::change).containsExactly("suspended", "suspension_extended");
    }

    @Test
    void aBlockAfterTheSuspensionEndedStartsANewOne() {
        apply(bounce("acme", "spring", "2026-11-21T10:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK));
        apply(bounce("acme", "spring", "2026-11-22T10:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK)); // at the end

        AddressState state = ledger.find("acme", ANN);
        assertThat(state.suspendedSince()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(state.suspendedUntil()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(changes).extracting(AddressChange::change)
                .containsExactly("suspended", "suspension_expired", "suspended");
        assertThat(changes.get(1).at()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void atTheEndOfTheDaySuspensionsThatEndByThenEndAndLaterOnesStay() {
        apply(bounce("acme", "spring", "2026-11-20T23:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK)); // until 21 23:00
        apply(bounce("zenith", "spring", "2026-11-21T01:00:00Z", Reason.SPAMDETECTED, BounceGroup.BLOCK));
        changes.clear();

        List<AddressChange> expiries = new ArrayList<>();
        rules.expireSuspensions(ledger, Instant.parse("2026-11-21T23:00:00Z"), expiries);

        assertThat(ledger.find("acme", ANN).suspendedUntil()).isNull();
        assertThat(ledger.find("acme", ANN).changed()).isTrue();
        assertThat(ledger.find("zenith", ANN).suspendedUntil())
                .isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
        assertThat(expiries).extracting(AddressChange::account, AddressChange::change, AddressChange::reason,
                        AddressChange::cause, AddressChange::at)
                .containsExactly(tuple("acme", "suspension_expired", "blocked", "block",
                        Instant.parse("2026-11-21T23:00:00Z")));
    }

    @Test
    void theSeventhSoftBounceInSevenCampaignsPromotesTheSixthDoesNot() {
        for (int c = 1; c <= 6; c++) {
            apply(bounce("acme", "c" + c, "2026-11-21T10:0" + c + ":00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));
        }
        assertThat(ledger.find("acme", ANN).invalidSince()).isNull();
        assertThat(ledger.find("acme", ANN).softBounceCount()).isEqualTo(6);
        assertThat(changes).isEmpty();

        apply(bounce("acme", "c7", "2026-11-21T11:00:00Z", Reason.SYSTEMERROR, BounceGroup.SOFT));

        AddressState state = ledger.find("acme", ANN);
        assertThat(state.invalidCause()).isEqualTo("soft_bounce_limit");
        assertThat(state.invalidReason()).isEqualTo("systemerror"); // the last soft reason
        assertThat(changes).extracting(AddressChange::change).containsExactly("promoted");
    }

    @Test
    void aCampaignCountsOnceAndBlocksDoNotCount() {
        for (int i = 0; i < 10; i++) {
            apply(bounce("acme", "same", "2026-11-21T10:0" + i + ":00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));
            apply(bounce("acme", "b" + i, "2026-11-21T10:0" + i + ":30Z", Reason.BLOCKED, BounceGroup.BLOCK));
        }
        assertThat(ledger.find("acme", ANN).softBounceCount()).isEqualTo(1);
        assertThat(ledger.find("acme", ANN).invalidSince()).isNull();
    }

    @Test
    void aDeliveryResetsTheSoftCounter() {
        for (int c = 1; c <= 6; c++) {
            apply(bounce("acme", "c" + c, "2026-11-21T10:0" + c + ":00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));
        }
        apply(event("acme", "c6", "2026-11-21T10:30:00Z", EventType.DELIVERED, null));
        apply(bounce("acme", "c7", "2026-11-21T11:00:00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));

        assertThat(ledger.find("acme", ANN).softBounceCount()).isEqualTo(1);
        assertThat(ledger.find("acme", ANN).invalidSince()).isNull();
    }

    @Test
    void anAddressThatEverEngagedIsPromotedAtFifteen() {
        apply(event("acme", "c0", "2026-01-01T10:00:00Z", EventType.OPENED, null));
        for (int c = 1; c <= 14; c++) {
            apply(bounce("acme", "c" + c, "2026-11-21T10:%02d:00Z".formatted(c), Reason.MAILBOXFULL, BounceGroup.SOFT));
        }
        assertThat(ledger.find("acme", ANN).invalidSince()).isNull();

        apply(bounce("acme", "c15", "2026-11-21T11:00:00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));
        assertThat(changes).extracting(AddressChange::change).containsExactly("promoted");
    }

    @Test
    void invalidInThreeAccountsWithinSixtyDaysIsAGlobalBounce() {
        apply(bounce("a1", "x", "2026-09-22T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a2", "x", "2026-10-15T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a3", "x", "2026-11-21T10:00:00Z", Reason.HOSTUNKNOWN, BounceGroup.HARD)); // a1 is 60 days back

        AddressState global = ledger.find(AddressState.ALL_ACCOUNTS, ANN);
        assertThat(global.invalidSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(global.invalidCause()).isEqualTo("global_bounce");
        assertThat(changes).extracting(AddressChange::account, AddressChange::change).containsExactly(
                tuple("a1", "invalidated"), tuple("a2", "invalidated"), tuple("a3", "invalidated"),
                tuple("*", "global"));
    }

    @Test
    void invalidationsSpreadOverMoreThanSixtyDaysAreNotGlobal() {
        apply(bounce("a1", "x", "2026-09-22T09:59:59Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a2", "x", "2026-10-15T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a3", "x", "2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));

        assertThat(ledger.find(AddressState.ALL_ACCOUNTS, ANN)).isNull();
    }

    @Test
    void complaintsAndUnsubscribesAreRecordedOnce() {
        apply(event("acme", "spring", "2026-11-21T10:00:00Z", EventType.COMPLAINED, null));
        apply(bounce("acme", "spring", "2026-11-21T11:00:00Z", Reason.FEEDBACK, BounceGroup.NONE));
        apply(event("acme", "spring", "2026-11-21T12:00:00Z", EventType.UNSUBSCRIBED, null));

        assertThat(ledger.find("acme", ANN).complainedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(changes).extracting(AddressChange::change).containsExactly("complained", "unsubscribed");
    }

    @Test
    void autoRepliesChangeNothing() {
        apply(bounce("acme", "spring", "2026-11-21T10:00:00Z", Reason.VACATION, BounceGroup.NONE));

        assertThat(changes).isEmpty();
        assertThat(ledger.changed()).isEmpty();
    }

    @Test
    void aResetClearsInvalidSuspendedAndTheSoftCounterWithOneEntryEach() {
        apply(bounce("acme", "c1", "2026-11-20T10:00:00Z", Reason.MAILBOXFULL, BounceGroup.SOFT));
        apply(bounce("acme", "c1", "2026-11-20T11:00:00Z", Reason.BLOCKED, BounceGroup.BLOCK));
        apply(bounce("acme", "c1", "2026-11-20T12:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        changes.clear();

        assertThat(override("acme", "reset")).isNull();

        AddressState state = ledger.find("acme", ANN);
        assertThat(state.invalidSince()).isNull();
        assertThat(state.suspendedUntil()).isNull();
        assertThat(state.softBounceCount()).isZero();
        assertThat(changes).extracting(AddressChange::change, AddressChange::reason).containsExactly(
                tuple("reset", "invalid"), tuple("reset", "suspended"), tuple("reset", "soft_counter"));
        assertThat(changes.get(0).diagnostic()).isEqualTo("customer asked");
    }

    @Test
    void overridesThatCannotApplySayWhy() {
        assertThat(override("acme", "reset")).startsWith("nothing to reset");
        assertThat(override("acme", "unbounce")).isEqualTo("unknown action 'unbounce' (expected reset or suppress)");
        assertThat(override("*", "reset")).contains("no override lifts");

        apply(bounce("a1", "x", "2026-11-19T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a2", "x", "2026-11-20T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        apply(bounce("a3", "x", "2026-11-21T10:00:00Z", Reason.USERUNKNOWN, BounceGroup.HARD));
        assertThat(override("a1", "reset")).isEqualTo("the address is globally bounced, which no override lifts");
        assertThat(ledger.find("a1", ANN).invalidSince()).isNotNull();
    }

    @Test
    void suppressAddsAManualSuppressionOnceEvenForANeverMailedAddress() {
        assertThat(override("acme", "suppress")).isNull();
        assertThat(ledger.find("acme", ANN).manualSince()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(override("acme", "suppress")).startsWith("already suppressed manually");
        assertThat(changes).extracting(AddressChange::change, AddressChange::cause)
                .containsExactly(tuple("suppressed", "manual_override"));
    }

    private String override(String account, String action) {
        return rules.applyOverride(ledger, new ManualOverride(2, account, ANN, action, "customer asked", "raw"),
                Instant.parse("2026-11-22T00:00:00Z"), changes);
    }

    private void apply(ClassifiedEvent event) {
        rules.apply(ledger, event, changes);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static ClassifiedEvent bounce(String account, String campaign, String at, Reason reason,
                                          BounceGroup group) {
        return event(account, campaign, at, EventType.BOUNCED, new Classification(reason, group, "test"));
    }

    private static ClassifiedEvent event(String account, String campaign, String at, EventType type,
                                         Classification classification) {
        return new ClassifiedEvent(new DeliveryEvent(Instant.parse(at), account, campaign, "m1", ANN, type, "550",
                null, "550 reply", null, null, false), classification);
    }
}
