package com.bounceledger.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.bounceledger.report.DayFiles;
import com.bounceledger.report.ReportSettings;

/**
 * Writes the workbook of a day with many ledger changes from a state database, in a JVM of its own so the
 * heap limit is the one under test ({@link LargeDayReportTest}). Prints one line: changes, seconds to write,
 * the file's bytes and the peak heap used while writing.
 *
 * <p>Usage: {@code LargeDayReport <folder> <changes>}
 */
public final class LargeDayReport {

    static final LocalDate DAY = LocalDate.parse("2026-11-21");

    private LargeDayReport() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int changes = Integer.parseInt(args[1]);
        String url = StateDatabase.jobUrl(folder.resolve("state")) + ";hsqldb.log_data=false"; // the job's settings, filled faster
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("schema.sql"));
            fill(connection, changes);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "SA", ""));
        DayOutputWriter writer = new DayOutputWriter(DAY, DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                DayFiles.of(folder.resolve("output"), DAY), new DayReportRepository(jdbc), ReportSettings.defaults(),
                Clock.systemUTC(), new DayOutputWriter.SortSettings(folder.resolve("sort"), 50_000));

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ExecutorService sortingThread = Executors.newSingleThreadExecutor(); // as the job: read here, sorted there
        try (DayOutputWriter.DayChanges dayChanges = writer.readChanges(sortingThread)) {
            writer.writeReport(dayChanges);
        } finally {
            sortingThread.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("changes=%d seconds=%.1f bytes=%d peakHeapMiB=%d maxHeapMiB=%d%n", changes, seconds,
                Files.size(writer.files().report()), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One campaign, and as many changes of 2,000 accounts' addresses, each with a reply of 100 characters. */
    private static void fill(Connection connection, int changes) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement campaign = connection.prepareStatement("""
                INSERT INTO campaign_day VALUES (?, 0, 'acme', 'big-day', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)""")) {
            campaign.setObject(1, DAY);
            campaign.setLong(2, changes * 2L);
            campaign.setLong(3, changes);
            campaign.setLong(4, changes);
            campaign.executeUpdate();
        }
        Instant at = DAY.atTime(8, 0).toInstant(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO address_change (run_date, account, address, stage, seq, change, reason, cause, diagnostic,
                                            changed_at, addr_hash)
                VALUES (?, ?, ?, 2, 1, 'invalidated', 'userunknown', 'hard_bounce', ?, ?, 0)""")) {
            for (int i = 0; i < changes; i++) {
                insert.setObject(1, DAY);
                insert.setString(2, "account-" + i % 2000);
                insert.setString(3, "recipient" + i + "@example.com");
                insert.setString(4, String.format("550 5.1.1 <recipient%d@example.com>: Recipient address rejected:"
                        + " User unknown in virtual mailbox table %10d", i, i));
                insert.setObject(5, at.plusSeconds(i % 86_400).atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % 5000 == 4999 || i == changes - 1) {
                    insert.executeBatch();
                }
            }
        }
        connection.commit();
    }
}
