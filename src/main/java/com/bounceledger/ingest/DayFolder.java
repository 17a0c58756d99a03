package com.bounceledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The log files of one day's input folder, in name order. */
public final class DayFolder {

    /** The manual overrides of the ledger live beside the logs but are not a log. */
    public static final String OVERRIDES_FILE = "overrides.csv";

    private DayFolder() {
    }

    /** @throws InputFormatException when the folder is missing or holds no log file */
    public static List<Path> logFiles(Path dayFolder) {
        if (!Files.isDirectory(dayFolder)) {
            throw new InputFormatException("input folder " + dayFolder + " does not exist");
        }
        try (Stream<Path> entries = Files.list(dayFolder)) {
            List<Path> files = entries
                    .filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> !path.getFileName().toString().equals(OVERRIDES_FILE))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new InputFormatException("input folder " + dayFolder + " holds no log file");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
