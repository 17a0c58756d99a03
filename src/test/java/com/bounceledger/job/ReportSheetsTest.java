package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sheet of the email-performance workbook of a real run, read back with POI, with exact numbers. The
 * fixture day {@code job/basic/2026-11-21} is worked out in {@link NightlyJobTest}: 10 messages sent, 5
 * delivered, hard m02 (bob@gmail.com) and z01 (bob@gmail.com), soft z02 (gmx.de), blocked m03 (web.de).
 */
class ReportSheetsTest {

    static final String DAY = "2026-11-21";

    @TempDir
    Path folder;

    @Test
    void everySheetOfTheFixtureDayHasItsExactNumbers() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic");
        assertThat(run.launch(DAY).exitCode()).isZero();

        // Totals: bounces 2 + 1 + 1 = 4 of 10 sent; opens m01, z03 and the one click over 5 delivered;
        // click-to-open 1/2; m06 unsubscribed and m07 complained over 5 delivered. 40% and 20% are above both
        // default thresholds (5% and 0.3%): critical.
        List<List<String>> summary = run.sheet(DAY, "Summary");
        assertThat(summary.get(2).get(0)).isEqualTo("Generated");
        summary.remove(2);
        assertThat(summary).containsExactly( // blank rows between the sections are not read back
                List.of("Email performance report"),
                List.of("Run date", "2026-11-21"),
                List.of("Input files"),
                List.of("File", "Format", "Rows read", "Rows rejected"),
                List.of("01-deliveries.csv", "CANONICAL", "30", "5"),
                List.of("02-late.csv.gz", "CANONICAL", "2", "0"),
                List.of("Total", "", "32", "5"),
                List.of("Totals"),
                List.of("Sent", "10"), List.of("Delivered", "5"), List.of("Hard", "2"), List.of("Soft", "1"),
                List.of("Blocked", "1"), List.of("Pending", "0"), List.of("Deferred", "2"), List.of("Opened", "2"),
                List.of("Clicked", "1"), List.of("Unsubscribed", "1"), List.of("Complained", "1"),
                List.of("Delivered %", "50.00%"), List.of("Hard %", "20.00%"), List.of("Soft %", "10.00%"),
                List.of("Blocked %", "10.00%"), List.of("Bounce %", "40.00%"), List.of("Open %", "40.00%"),
                List.of("Click %", "20.00%"), List.of("Click-to-open %", "50.00%"),
                List.of("Unsubscribe %", "20.00%"), List.of("Complaint %", "20.00%"),
                List.of("Threshold flags"),
                List.of("Bounce %", "critical", "warning above 2.00%, critical above 5.00%"),
                List.of("Complaint %", "critical", "warning above 0.10%, critical above 0.30%"),
                List.of("Ledger changes"),
                List.of("complained", "1"), List.of("invalidated", "2"), List.of("suspended", "1"),
                List.of("unsubscribed", "1"));

        // Rates of each campaign: autumn-sale 3/5 delivered, 1/5 hard, 1/5 blocked, bounce 2/5, open and click
        // 1/3, click-to-open 1/1; newsletter-47 unsubscribe and complaint 1/2; launch delivered nothing, so its
        // open, click, unsubscribe and complaint rates are empty, but z03 was opened (without a delivery line),
        // so its click-to-open is 0/1.
        List<List<String>> performance = run.sheet(DAY, "Email Performance");
        assertThat(performance.get(1).subList(13, 23)).containsExactly(
                "60.00%", "20.00%", "0.00%", "20.00%", "40.00%", "33.33%", "33.33%", "100.00%", "0.00%", "0.00%");
        assertThat(performance.get(2).subList(13, 23)).containsExactly(
                "100.00%", "0.00%", "0.00%", "0.00%", "0.00%", "0.00%", "0.00%", "", "50.00%", "50.00%");
        assertThat(performance.get(3).subList(13, 21)).containsExactly(
                "0.00%", "33.33%", "33.33%", "0.00%", "66.67%", "", "", "0.00%");
        assertThat(performance.get(3)).hasSize(21); // the last two rates are empty cells, not errors
        // The totals row recomputes the rates from the summed counts (Bounce % 4/10, not 40 + 0 + 66.67).
        assertThat(performance.get(4).subList(13, 23)).containsExactly(
                "50.00%", "20.00%", "10.00%", "10.00%", "40.00%", "40.00%", "20.00%", "50.00%", "20.00%", "20.00%");

        // Domains, largest sent first, ties by name: gmail.com has m01, m02 and z01 (Bob@Gmail.com).
        assertThat(run.sheet(DAY, "Domains")).containsExactly(
                List.of("Domain", "Sent", "Delivered", "Hard", "Soft", "Blocked", "Bounce %"),
                List.of("gmail.com", "3", "1", "2", "0", "0", "66.67%"),
                List.of("example.com", "1", "0", "0", "0", "0", "0.00%"),
                List.of("gmx.de", "1", "0", "0", "1", "0", "100.00%"),
                List.of("icloud.com", "1", "1", "0", "0", "0", "0.00%"),
                List.of("orange.fr", "1", "1", "0", "0", "0", "0.00%"),
                List.of("outlook.com", "1", "1", "0", "0", "0", "0.00%"),
                List.of("web.de", "1", "0", "0", "0", "1", "100.00%"),
                List.of("yahoo.com", "1", "1", "0", "0", "0", "0.00%"),
                List.of("Total", "10", "5", "2", "1", "1", "40.00%"));

        // The ledger's audit trail in (account, address) order, with the reply that caused each change.
        assertThat(run.sheet(DAY, "Address Changes")).containsExactly(
                List.of("Account", "Address", "Change", "Reason", "Cause", "Time (UTC)", "Reply"),
                List.of("acme", "bob@gmail.com", "invalidated", "userunknown", "hard_bounce", "2026-11-21 08:00:03",
                        "550-5.1.1 The email account that you tried to reach does not exist. Please try"
                                + " double-checking the recipient's email address for typos or unnecessary spaces."
                                + " (in reply to RCPT TO command)"),
                List.of("acme", "carl@web.de", "suspended", "blocked", "block", "2026-11-21 10:00:00",
                        "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org"),
                List.of("acme", "fia@orange.fr", "unsubscribed", "", "unsubscribe", "2026-11-21 12:00:00"),
                List.of("acme", "gus@icloud.com", "complained", "", "complaint", "2026-11-21 13:00:00"),
                List.of("zenith", "bob@gmail.com", "invalidated", "userunknown", "hard_bounce", "2026-11-21 08:00:03",
                        "550 5.1.1 <bob@gmail.com>: Recipient address rejected: User unknown in virtual mailbox table"));

        // The first day of history: its own totals.
        assertThat(run.sheet(DAY, "Trend")).containsExactly(
                List.of("Run date", "Sent", "Delivered", "Bounce %", "Complaint %"),
                List.of("2026-11-21", "10", "5", "40.00%", "20.00%"));

        try (XSSFWorkbook workbook = run.workbook(DAY)) {
            XSSFChart reasons = charts(workbook.getSheet("Summary")).get(0);
            assertThat(reasons.getTitleText().getString()).isEqualTo("Bounces by reason");
            assertThat(reasons.getChartSeries().get(0).getSeries(0).getCategoryData().getDataRangeReference())
                    .isEqualTo("'Bounce Reasons'!$A$2:$A$4");
            assertThat(charts(workbook.getSheet("Trend"))).extracting(chart -> chart.getTitleText().getString())
                    .containsExactly("Sent and delivered", "Bounce and complaint rates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theTrendShowsTheLastRunDatesFromHistory() {
        NightlyRun run = new NightlyRun(folder).withFixture("two-days");
        assertThat(run.launch("2026-11-21").exitCode()).isZero();
        assertThat(run.launch("2026-11-22").exitCode()).isZero();

        // 21st: m1 deferred (pending), m2 blocked: bounce 1/2, nothing delivered so no complaint rate.
        // 22nd: m1 (carried over, not sent again) and m3 delivered, m3 sent: bounce 0/1, complaint 0/2.
        assertThat(run.sheet("2026-11-22", "Trend")).containsExactly(
                List.of("Run date", "Sent", "Delivered", "Bounce %", "Complaint %"),
                List.of("2026-11-21", "2", "0", "50.00%"),
                List.of("2026-11-22", "1", "2", "0.00%", "0.00%"));
        // A domain that sent nothing today (gmail.com, m1 was sent yesterday) has no bounce rate.
        assertThat(run.sheet("2026-11-22", "Domains")).containsExactly(
                List.of("Domain", "Sent", "Delivered", "Hard", "Soft", "Blocked", "Bounce %"),
                List.of("yahoo.com", "1", "1", "0", "0", "0", "0.00%"),
                List.of("gmail.com", "0", "1", "0", "0", "0"),
                List.of("Total", "1", "2", "0", "0", "0", "0.00%"));
        // The block of the 21st at 10:00 suspended carl for 24 hours: it expires within the 22nd.
        assertThat(run.sheet("2026-11-22", "Address Changes").get(1)).containsExactly(
                "acme", "carl@web.de", "suspension expired", "blocked", "block", "2026-11-22 10:00:00");
    }

    @Test
    void configurationChoosesTheLanguageTheThresholdsAndHowManyDomains() {
        NightlyRun run = new NightlyRun(folder).withFixture("basic")
                .with("--bounce-ledger.report.language=sv")
                .with("--bounce-ledger.report.top-domains=2")
                .with("--bounce-ledger.report.bounce-critical=0.5");
        assertThat(run.launch(DAY).exitCode()).isZero();

        try (XSSFWorkbook workbook = run.workbook(DAY)) {
            assertThat(workbook).extracting(sheet -> sheet.getSheetName()).containsExactly("Sammanfattning",
                    "E-postresultat", "Studsorsaker", "Domäner", "Adressändringar", "Trend");
            // gmail.com (3 sent) and example.com (1, first by name of the domains with 1), then the other six:
            // 10 - 4 = 6 sent, 5 - 1 = 4 delivered, gmx.de's soft and web.de's block: 2/6.
            assertThat(NightlyRun.rows(workbook.getSheet("Domäner"))).containsExactly(
                    List.of("Domän", "Skickade", "Levererade", "Hårda", "Mjuka", "Blockerade", "Studs %"),
                    List.of("gmail.com", "3", "1", "2", "0", "0", "66.67%"),
                    List.of("example.com", "1", "0", "0", "0", "0", "0.00%"),
                    List.of("övriga", "6", "4", "0", "1", "1", "33.33%"),
                    List.of("Totalt", "10", "5", "2", "1", "1", "40.00%"));
            // A bounce rate of 40% is above the 2% warning but no longer above the critical 50%.
            assertThat(NightlyRun.rows(workbook.getSheet("Sammanfattning"))).contains(
                    List.of("Studs %", "varning", "varning över 2.00%, kritiskt över 50.00%"),
                    List.of("Klagomål %", "kritiskt", "varning över 0.10%, kritiskt över 0.30%"),
                    List.of("ogiltigförklarad", "2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLanguageWithoutTranslationStopsTheLaunch() {
        NightlyRun.Result result = new NightlyRun(folder).withFixture("basic")
                .with("--bounce-ledger.report.language=de").launch(DAY);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("bounce-ledger: no report translation for language 'de' (expected a"
                + " resource report/text_de.properties)" + System.lineSeparator());
    }

    private static List<XSSFChart> charts(XSSFSheet sheet) {
        return sheet.getDrawingPatriarch().getCharts();
    }
}
