package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The ledger rules of SPEC 4 over ten consecutive nights on one state database (fixture
 * {@code job/ledger-ten-days}: each address plays one rule at its edges; {@code fixture.md} beside it tells
 * the story). The real job runs once per day; each test reads the files and the ledger of the days it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerScenarioTest {

    static final String HEADER = "account,address,status,reason,cause,since,until";
    static final String GLOBAL_GIL = "*,gil@global.example,global,userunknown,global_bounce,2026-11-03T09:00:00Z,";
    static final String A1_GIL = "a1,gil@global.example,invalid,userunknown,hard_bounce,2026-11-01T09:00:00Z,";
    static final String A1_GWEN = "a1,gwen@global.example,invalid,userunknown,hard_bounce,2026-11-01T09:00:00Z,";
    static final String A2_GIL = "a2,gil@global.example,invalid,userunknown,hard_bounce,2026-11-02T09:00:00Z,";
    static final String A2_GWEN = "a2,gwen@global.example,invalid,userunknown,hard_bounce,2026-11-02T09:00:00Z,";
    static final String A3_GIL = "a3,gil@global.example,invalid,userunknown,hard_bounce,2026-11-03T09:00:00Z,";
    static final String CORA = "acme,cora@complain.example,complained,,complaint,2026-11-02T11:00:00Z,";
    static final String HUGO = "acme,hugo@hard.example,invalid,userunknown,hard_bounce,2026-11-01T09:00:00Z,";
    static final String HUGO_AGAIN = "acme,hugo@hard.example,invalid,userunknown,hard_bounce,2026-11-06T09:00:00Z,";
    static final String MIA = "acme,mia@manual.example,manual,,manual_override,2026-11-05T00:00:00Z,";
    static final String PAT = "acme,pat@soft.example,invalid,mailboxfull,soft_bounce_limit,2026-11-07T09:00:00Z,";
    static final String SAM = "acme,sam@block.example,suspended,blocked,block,2026-11-02T10:00:00Z,2026-11-03T10:00:00Z";
    static final String TIA = "acme,tia@block.example,suspended,blocked,block,2026-11-02T10:00:00Z,2026-11-03T10:00:00Z";
    static final String TIA_EXTENDED =
            "acme,tia@block.example,suspended,blocked,block,2026-11-02T10:00:00Z,2026-11-04T09:00:00Z";
    static final String ULF = "acme,ulf@unsub.example,unsubscribed,,unsubscribe,2026-11-02T11:00:00Z,";
    static final String UNA = "acme,una@engaged.example,invalid,userunknown,hard_bounce,2026-11-04T09:00:00Z,";
    static final String VIC = "acme,vic@stale.example,invalid,userunknown,hard_bounce,2026-11-01T09:00:00Z,";

    NightlyRun run;
    final Map<Integer, List<String>> ledgerAfter = new HashMap<>();

    @BeforeAll
    void runTenNights(@TempDir Path folder) {
        run = new NightlyRun(folder).withFixture("ledger-ten-days");
        for (int day = 1; day <= 10; day++) {
            assertThat(run.launch(date(day)).exitCode()).as("day %d", day).isZero();
            ledgerAfter.put(day, run.ledger());
        }
    }

    @Test
    void theSuppressionFileAfterEachOfTenNights() {
        assertThat(suppression(1)).containsExactly(HEADER, A1_GIL, A1_GWEN, HUGO, VIC);
        assertThat(suppression(2)).containsExactly(HEADER, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, CORA, HUGO, SAM, TIA, ULF,
                VIC);
        assertThat(suppression(3)).containsExactly(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                HUGO, TIA_EXTENDED, ULF, VIC);
        assertThat(suppression(4)).containsExactly(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                HUGO, ULF, UNA, VIC);
        assertThat(suppression(5)).containsExactly(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                MIA, ULF, UNA, VIC);
        assertThat(suppression(6)).containsExactly(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                HUGO_AGAIN, MIA, ULF, UNA, VIC);
        assertThat(suppression(7)).containsExactly(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                HUGO_AGAIN, MIA, PAT, ULF, UNA, VIC);
        List<String> afterPatsReset = List.of(HEADER, GLOBAL_GIL, A1_GIL, A1_GWEN, A2_GIL, A2_GWEN, A3_GIL, CORA,
                HUGO_AGAIN, MIA, ULF, UNA, VIC);
        for (int day = 8; day <= 10; day++) {
            assertThat(suppression(day)).as("day %d", day).isEqualTo(afterPatsReset);
        }
    }

    @Test
    void aHardBounceInvalidatesExceptTheFirstAfterAnOpenWithinSevenDays() {
        // vic opened 12 days before the bounce: invalid at once; una opened on day 1: day 3's bounce is excused
        assertThat(suppression(1)).contains(HUGO, VIC);
        assertThat(suppression(3)).noneMatch(line -> line.contains("una@"));
        assertThat(ledgerRow(3, "acme", "una@engaged.example")).isEqualTo(
                "acme,una@engaged.example,,,,0,2026-11-03T09:00:00Z,");
        assertThat(changes(3)).noneMatch(line -> line.contains("una@"));
        assertThat(suppression(4)).contains(UNA); // the second hard bounce
        assertThat(changes(4)).contains("added," + UNA);
    }

    @Test
    void aSuspensionMadeAt10OnDay2IsInDay2sFileAndGoneFromDay3s() {
        assertThat(suppression(2)).contains(SAM);
        assertThat(changes(2)).contains("added," + SAM, "added," + TIA); // with the end of each suspension
        assertThat(suppression(3)).noneMatch(line -> line.contains("sam@"));
        assertThat(changes(3)).contains("removed,acme,sam@block.example,suspended,blocked,block,2026-11-03T10:00:00Z,");
        // tia's second block at 09:00 on day 3 extends hers to 09:00 on day 4: in day 3's file, gone from day 4's
        assertThat(suppression(3)).contains(TIA_EXTENDED);
        assertThat(changes(3)).contains("updated," + TIA_EXTENDED);
        assertThat(suppression(4)).noneMatch(line -> line.contains("tia@"));
        assertThat(ledgerRow(3, "acme", "tia@block.example")).startsWith("acme,tia@block.example,,,2026-11-04T09:00");
        assertThat(ledgerRow(4, "acme", "tia@block.example")).isNull(); // no status left: the row is deleted
    }

    @Test
    void theSeventhSoftBounceInSevenCampaignsPromotesTheSixthDoesNot() {
        assertThat(ledgerRow(6, "acme", "pat@soft.example")).isEqualTo("acme,pat@soft.example,,,,6,,");
        assertThat(suppression(6)).noneMatch(line -> line.contains("pat@"));
        assertThat(suppression(7)).contains(PAT);
        assertThat(changes(7)).contains("added," + PAT);
        // quinn: 4 soft bounces, a delivery on day 5, then 5 more: never 7 in a row
        assertThat(ledgerRow(10, "acme", "quinn@soft.example")).isEqualTo("acme,quinn@soft.example,,,,5,,");
        // rob: 6 campaigns, and campaigns c6 and c1 bounce again on days 7 and 8: each counts once
        assertThat(ledgerRow(10, "acme", "rob@soft.example")).isEqualTo("acme,rob@soft.example,,,,6,,");
        // eve opened once, so her limit is 15: 10 soft bounces keep her mailable
        assertThat(ledgerRow(10, "acme", "eve@soft.example")).isEqualTo("acme,eve@soft.example,,,,10,,");
        for (int day = 1; day <= 10; day++) {
            assertThat(suppression(day)).as("day %d", day)
                    .noneMatch(line -> line.contains("quinn@") || line.contains("rob@") || line.contains("eve@"));
        }
    }

    @Test
    void aMessagePendingFor72HoursIsASoftBounceExpiredOnTheDayTheyEnd() {
        // pia: sent and deferred at 12:00 on day 1, no outcome after: 72 hours end at 12:00 on day 4.
        // pam: the same campaign, delivered on day 3. pete: sent at 00:00 on day 2: 72 hours end exactly when
        // day 5 begins, so day 5 counts it. Columns: sent, delivered, hard, soft, blocked, pending, deferred.
        assertThat(campaign(1, "p1")).containsExactly("2", "0", "0", "0", "0", "2", "1");
        assertThat(campaign(2, "p1")).containsExactly("0", "0", "0", "0", "0", "1", "1");
        assertThat(campaign(2, "p2")).containsExactly("1", "0", "0", "0", "0", "1", "0");
        assertThat(campaign(3, "p1")).containsExactly("0", "1", "0", "0", "0", "0", "0");
        assertThat(campaign(3, "p2")).isNull();
        assertThat(campaign(4, "p1")).containsExactly("0", "0", "0", "1", "0", "0", "0");
        assertThat(campaign(4, "p2")).isNull();
        assertThat(campaign(5, "p1")).isNull();
        assertThat(campaign(5, "p2")).containsExactly("0", "0", "0", "1", "0", "0", "0");
        assertThat(run.sheet(date(4), "Bounce Reasons")).anySatisfy(row -> assertThat(row.subList(0, 3))
                .containsExactly("expired", "soft", "1"));
        // an expired message is a soft bounce for the ledger too
        assertThat(ledgerRow(4, "acme", "pia@pending.example")).isEqualTo("acme,pia@pending.example,,,,1,,");
        assertThat(ledgerRow(5, "acme", "pete@pending.example")).isEqualTo("acme,pete@pending.example,,,,1,,");
        assertThat(ledgerAfter.get(10)).noneMatch(row -> row.contains("pam@"));
    }

    @Test
    void invalidInThreeAccountsWithinSixtyDaysIsSuppressedForEveryAccount() {
        assertThat(suppression(2)).noneMatch(line -> line.startsWith("*,"));
        assertThat(suppression(3)).contains(GLOBAL_GIL);
        assertThat(changes(3)).contains("added," + GLOBAL_GIL);
        assertThat(suppression(10)).noneMatch(line -> line.startsWith("*,gwen@")); // two accounts only
    }

    @Test
    void complaintsAndUnsubscribesStaySuppressed() {
        for (int day = 2; day <= 10; day++) {
            assertThat(suppression(day)).as("day %d", day).contains(CORA, ULF);
        }
    }

    @Test
    void overridesApplyBeforeTheDaysEventsAndThoseThatCannotApplyAreRejected() {
        assertThat(changes(5)).containsExactly("action,account,address,status,reason,cause,since,until",
                "removed,acme,hugo@hard.example,invalid,,manual_override,2026-11-05T00:00:00Z,",
                "added," + MIA);
        assertThat(run.csv(date(5), "rejects")).containsExactly("file,line,error,raw_line",
                "overrides.csv,3,\"nothing to reset: not invalid, suspended or manually suppressed, and no soft bounces"
                        + " counted\",\"acme,nobody@none.example,reset,\"",
                "overrides.csv,5,\"the address is globally bounced, which no override lifts\",\"a1,gil@global.example,reset,\"",
                "overrides.csv,6,invalid address,\"acme,not-an-address,reset,\"",
                "overrides.csv,7,unknown action 'unbounce' (expected reset or suppress),\"acme,x@y.example,unbounce,\"");
        // the reset is real: hugo's next hard bounce invalidates him again
        assertThat(suppression(6)).contains(HUGO_AGAIN);
        // a reset of a promoted address clears its soft counter too
        assertThat(changes(8)).contains("removed,acme,pat@soft.example,invalid,,manual_override,2026-11-08T00:00:00Z,");
        assertThat(ledgerRow(7, "acme", "pat@soft.example")).startsWith("acme,pat@soft.example,2026-11-07");
        assertThat(ledgerRow(8, "acme", "pat@soft.example")).isNull(); // no status left: the row is deleted
    }

    @Test
    void theSummarysSuppressionCountIsTheFilesLineCount() {
        SimpleDriverDataSource state = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:file:" + run.state.resolve("ledger") + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
        long counted = new DayReportRepository(new JdbcTemplate(state))
                .countSuppressions(java.time.Instant.parse("2026-11-11T00:00:00Z"));
        assertThat(counted).isEqualTo(suppression(10).size() - 1).isEqualTo(12);
    }

    private static String date(int day) {
        return String.format("2026-11-%02d", day);
    }

    private List<String> suppression(int day) {
        return run.csv(date(day), "suppression");
    }

    private List<String> changes(int day) {
        return run.csv(date(day), "suppression-changes");
    }

    private String ledgerRow(int day, String account, String address) {
        return ledgerAfter.get(day).stream().filter(row -> row.startsWith(account + "," + address + ","))
                .findFirst().orElse(null);
    }

    /** Sent, delivered, hard, soft, blocked, pending and deferred of the campaign, or null without a row. */
    private List<String> campaign(int day, String name) {
        for (List<String> row : run.sheet(date(day), "Email Performance")) {
            if (row.size() > 8 && row.get(0).equals("acme") && row.get(1).equals(name)) {
                return new ArrayList<>(row.subList(2, 9));
            }
        }
        return null;
    }
}
