package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * The format of a day's spill files ({@link EventSpill#FORMAT}), recorded in the day's spill folder before anything
 * is spilled. A relaunch by a build that writes another format (a fix deployed after a failed night) would misread
 * the files that the earlier attempts left, so it refuses to resume over them instead.
 */
final class SpillFormat {

    static final String MARKER = "spill-format";
    /** What builds wrote before the format was recorded. */
    private static final int UNRECORDED = 1;

    private SpillFormat() {
    }

    /** Records this build's format in a day's spill folder, or checks the one that earlier attempts recorded. */
    static void claim(Path dayFolder, LocalDate runDate) {
        Path marker = dayFolder.resolve(MARKER);
        try {
            if (Files.exists(marker)) {
                String recorded = Files.readString(marker).strip();
                if (!recorded.equals(String.valueOf(EventSpill.FORMAT))) {
                    throw refused(runDate, dayFolder, recorded);
                }
            } else if (SpillLayout.holdsSpillFiles(dayFolder)) {
                throw refused(runDate, dayFolder, String.valueOf(UNRECORDED));
            } else {
                Files.createDirectories(dayFolder);
                Path written = dayFolder.resolve(MARKER + ".tmp");
                Files.writeString(written, EventSpill.FORMAT + "\n");
                Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the spill format in " + dayFolder, e);
        }
    }

    private static RunRefusedException refused(LocalDate runDate, Path dayFolder, String recorded) {
        return new RunRefusedException("the spill files of " + runDate + " in " + dayFolder + " are in format "
                + recorded + ", written by another build; this build reads format " + EventSpill.FORMAT
                + ": finish the day with the build that began it");
    }
}
