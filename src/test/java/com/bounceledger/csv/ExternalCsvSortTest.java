package com.bounceledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records sorted through run files come out as an in-memory sort gives them, and the run files are deleted. */
class ExternalCsvSortTest {

    private static final Comparator<List<String>> BY_FIRST_TWO =
            Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1));

    @TempDir
    Path folder;

    @Test
    void manyRunsMergeIntoTheOrderOfAnInMemorySort() throws IOException {
        List<List<String>> records = records(1000);
        List<List<String>> sorted = new ArrayList<>();
        Path runs = folder.resolve("runs");

        try (ExternalCsvSort sort = new ExternalCsvSort(runs, 7, BY_FIRST_TWO)) {
            records.forEach(sort::add);
            assertThat(fileCount(runs)).isEqualTo(1000 / 7);
            sort.forEachSorted(sorted::add);
        }

        assertThat(sorted).isEqualTo(records.stream().sorted(BY_FIRST_TWO).toList());
        assertThat(fileCount(runs)).isZero();
    }

    @Test
    void moreRunsThanTheMergeWidthAreMergedInSeveralPasses() throws IOException {
        List<List<String>> records = records(1000);
        List<List<String>> sorted = new ArrayList<>();
        Path runs = folder.resolve("runs");

        try (ExternalCsvSort sort = new ExternalCsvSort(runs, 7, 3, BY_FIRST_TWO)) { // 143 runs, 3 at a time
            records.forEach(sort::add);
            sort.forEachSorted(sorted::add);
            assertThat(fileCount(runs)).isLessThanOrEqualTo(3);
        }

        assertThat(sorted).isEqualTo(records.stream().sorted(BY_FIRST_TWO).toList());
        assertThat(fileCount(runs)).isZero();
    }

    @Test
    void recordsThatFitOneRunNeedNoFile() {
        List<List<String>> sorted = new ArrayList<>();
        try (ExternalCsvSort sort = new ExternalCsvSort(folder.resolve("runs"), 10, BY_FIRST_TWO)) {
            records(10 - 1).forEach(sort::add);
            sort.forEachSorted(sorted::add);
        }

        assertThat(sorted).isEqualTo(records(10 - 1).stream().sorted(BY_FIRST_TWO).toList());
        assertThat(folder.resolve("runs")).doesNotExist();
    }

    /** Unique keys in random order; fields with commas, quotes, line breaks, non-ASCII text and empty values. */
    private static List<List<String>> records(int count) {
        Random random = new Random(7);
        String[] samples = {"plain", "with, comma", "with \"quotes\"", "two\nlines", "café ü", "", "z"};
        List<List<String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(List.of("acct" + random.nextInt(5), "user" + random.nextInt(100_000) + "." + i + "@example.com",
                    samples[random.nextInt(samples.length)], String.valueOf(i)));
        }
        return records;
    }

    private static long fileCount(Path runs) throws IOException {
        if (!Files.exists(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.count();
        }
    }
}
