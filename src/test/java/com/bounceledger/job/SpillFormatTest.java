package com.bounceledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFormatTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path state;

    @Test
    void theFirstAttemptRecordsThisBuildsFormatAndLaterAttemptsAcceptIt() throws IOException {
        Path day = state.resolve("spill").resolve("2026-11-21");

        SpillFormat.claim(day, DAY);
        Files.createDirectories(day.resolve("f0"));
        SpillFormat.claim(day, DAY);

        assertThat(Files.readString(day.resolve(SpillFormat.MARKER))).isEqualTo(EventSpill.FORMAT + "\n");
    }

    @Test
    void spillFilesWithoutARecordedFormatAreRefused() throws IOException {
        Path day = Files.createDirectories(state.resolve("2026-11-21").resolve("f1")).getParent();

        assertThatThrownBy(() -> SpillFormat.claim(day, DAY))
                .isInstanceOf(RunRefusedException.class)
                .hasMessage("the spill files of 2026-11-21 in " + day + " are in format 1, written by another"
                        + " build; this build reads format " + EventSpill.FORMAT
                        + ": finish the day with the build that began it");
        assertThat(day.resolve(SpillFormat.MARKER)).doesNotExist();
    }

    @Test
    void anotherRecordedFormatIsRefused() throws IOException {
        Path day = Files.createDirectories(state.resolve("2026-11-21"));
        Files.writeString(day.resolve(SpillFormat.MARKER), (EventSpill.FORMAT + 1) + "\n");

        assertThatThrownBy(() -> SpillFormat.claim(day, DAY))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("are in format " + (EventSpill.FORMAT + 1) + ", written by another build");
    }

    /** The outputs' sort runs share the folder; they are no spill. */
    @Test
    void aFolderWithoutSpillFilesIsClaimed() throws IOException {
        Path day = Files.createDirectories(state.resolve("2026-11-21").resolve("sort")).getParent();

        SpillFormat.claim(day, DAY);

        assertThat(day.resolve(SpillFormat.MARKER)).hasContent(String.valueOf(EventSpill.FORMAT));
    }
}
