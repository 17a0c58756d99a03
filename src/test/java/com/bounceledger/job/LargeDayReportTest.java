package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of 200,000 address changes is written with a heap of 512 MB (SPEC 6.1, 8): the changes are streamed from
 * the database into a streamed sheet, never held in a list. Runs {@link LargeDayReport} in a JVM of its own.
 */
class LargeDayReportTest {

    private static final int CHANGES = 200_000;

    @TempDir
    Path folder;

    @Test
    void twoHundredThousandChangesAreWrittenWithA512MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath,
                LargeDayReport.class.getName(), folder.toString(), Integer.toString(CHANGES))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        System.out.println(output.strip());
        Path workbook = folder.resolve("output/2026-11-21/email-performance-2026-11-21.xlsx");
        // The header and one row per change, counted in the sheet's XML without loading the workbook.
        assertThat(rowsOf(workbook, "Address Changes")).isEqualTo(CHANGES + 1);
    }

    /** Counts the rows of a sheet in its XML part; the sheets are numbered in the order they were created. */
    private static long rowsOf(Path workbook, String sheet) throws IOException {
        int index = List.of("Summary", "Email Performance", "Bounce Reasons", "Domains", "Address Changes", "Trend")
                .indexOf(sheet) + 1;
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry part = zip.getEntry("xl/worksheets/sheet" + index + ".xml");
            long rows = 0;
            byte[] tag = "<row ".getBytes(StandardCharsets.US_ASCII);
            try (InputStream in = zip.getInputStream(part)) {
                int matched = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    matched = b == tag[matched] ? matched + 1 : b == tag[0] ? 1 : 0;
                    if (matched == tag.length) {
                        rows++;
                        matched = 0;
                    }
                }
            }
            return rows;
        }
    }
}
