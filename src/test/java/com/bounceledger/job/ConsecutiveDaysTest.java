package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nights in a row on one state database: what carries over from one day to the next. */
class ConsecutiveDaysTest {

    @TempDir
    Path folder;

    @Test
    void lateOutcomesAndSuspensionsCarryOverToTheNextDay() {
        NightlyRun run = new NightlyRun(folder).withFixture("two-days");

        assertThat(run.launch("2026-11-21").exitCode()).isZero();
        // m1 deferred without outcome: pending; m2 blocked at 10:00: suspended until 10:00 on the 22nd.
        assertThat(run.sheet("2026-11-21", "Email Performance").get(1).subList(0, 9))
                .containsExactly("acme", "spring", "2", "0", "0", "0", "1", "1", "1");
        assertThat(run.csv("2026-11-21", "suppression")).containsExactly(
                "account,address,status,reason,cause,since,until",
                "acme,carl@web.de,suspended,blocked,block,2026-11-21T10:00:00Z,2026-11-22T10:00:00Z");

        assertThat(run.launch("2026-11-22").exitCode()).isZero();
        // m1's delivery arrives a day late: delivered on the 22nd, not sent again; m3 is the 22nd's own.
        assertThat(run.sheet("2026-11-22", "Email Performance").subList(1, 3)).extracting(row -> row.subList(0, 8))
                .containsExactly(
                        java.util.List.of("acme", "autumn", "1", "1", "0", "0", "0", "0"),
                        java.util.List.of("acme", "spring", "0", "1", "0", "0", "0", "0"));
        // the suspension ended at 10:00 on the 22nd, within that run date: gone from the file, in the changes.
        assertThat(run.csv("2026-11-22", "suppression")).containsExactly("account,address,status,reason,cause,since,until");
        assertThat(run.csv("2026-11-22", "suppression-changes")).containsExactly(
                "action,account,address,status,reason,cause,since,until",
                "removed,acme,carl@web.de,suspended,blocked,block,2026-11-22T10:00:00Z,");
    }
}
