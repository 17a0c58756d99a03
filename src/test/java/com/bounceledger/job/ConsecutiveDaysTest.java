package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nights in a row on one state database: what carries over from one day to the next. */
class ConsecutiveDaysTest {

    private static final String HEADER =
            "timestamp,account,campaign,message_id,recipient,event,smtp_code,enhanced_status,diagnostic,remote_mta";

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
                        List.of("acme", "autumn", "1", "1", "0", "0", "0", "0"),
                        List.of("acme", "spring", "0", "1", "0", "0", "0", "0"));
        // the suspension ended at 10:00 on the 22nd, within that run date: gone from the file, in the changes.
        assertThat(run.csv("2026-11-22", "suppression")).containsExactly("account,address,status,reason,cause,since,until");
        assertThat(run.csv("2026-11-22", "suppression-changes")).containsExactly(
                "action,account,address,status,reason,cause,since,until",
                "removed,acme,carl@web.de,suspended,blocked,block,2026-11-22T10:00:00Z,");
    }

    @Test
    void aSuspensionMadeBeforeTheSuspensionTableExistedEndsOnceTheStateIsUpgraded() throws IOException {
        NightlyRun run = new NightlyRun(folder);
        List<String> firstDay = new ArrayList<>(List.of(HEADER,
                "2026-11-21T10:00:00Z,acme,spring,m2,carl@web.de,bounced,554,5.7.1,554 5.7.1 blocked using "
                        + "zen.spamhaus.org,mx-ha03.web.de"));
        // Forty invalid addresses: the status table outgrows the next day, whose buckets then look statuses up.
        for (int i = 0; i < 40; i++) {
            firstDay.add("2026-11-21T11:00:00Z,acme,spring,h" + i + ",gone" + i
                    + "@web.de,bounced,550,5.1.1,550 5.1.1 user unknown,mx-ha03.web.de");
        }
        writeDay(run, "2026-11-21", firstDay);
        writeDay(run, "2026-11-22", List.of(HEADER,
                "2026-11-22T08:00:01Z,acme,autumn,m3,dora@yahoo.com,delivered,250,2.0.0,250 ok,mta5.am0.yahoodns.net"));
        assertThat(run.launch("2026-11-21").exitCode()).isZero();
        run.execute("DROP TABLE suspension_shard", "DROP TABLE state_upgrade"); // as a build before 206d224 left it

        assertThat(run.launch("2026-11-22").exitCode()).isZero();

        assertThat(run.csv("2026-11-22", "suppression-changes")).containsExactly(
                "action,account,address,status,reason,cause,since,until",
                "removed,acme,carl@web.de,suspended,blocked,block,2026-11-22T10:00:00Z,");
        assertThat(run.csv("2026-11-22", "suppression")).hasSize(41).noneMatch(line -> line.contains("carl@"));
    }

    private static void writeDay(NightlyRun run, String runDate, List<String> lines) throws IOException {
        Files.createDirectories(run.input.resolve(runDate));
        Files.write(run.input.resolve(runDate).resolve("deliveries.csv"), lines);
    }
}
