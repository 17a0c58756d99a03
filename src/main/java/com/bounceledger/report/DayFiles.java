package com.bounceledger.report;

import java.nio.file.Path;
import java.time.LocalDate;

/** The names of a run's output files (SPEC 6) in {@code <output>/<runDate>/}. */
public record DayFiles(Path folder, LocalDate runDate) {

    public static DayFiles of(Path outputRoot, LocalDate runDate) {
        return new DayFiles(outputRoot.resolve(runDate.toString()), runDate);
    }

    public Path report() {
        return folder.resolve("email-performance-" + runDate + ".xlsx");
    }

    public Path suppression() {
        return folder.resolve("suppression-" + runDate + ".csv");
    }

    public Path suppressionChanges() {
        return folder.resolve("suppression-changes-" + runDate + ".csv");
    }

    public Path rejects() {
        return folder.resolve("rejects-" + runDate + ".csv");
    }
}
