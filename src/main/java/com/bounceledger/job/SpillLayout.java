package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a run's spill files live: {@code <state>/spill/<runDate>/f<file>/b<bucket>.bin}. Ingest writes one
 * folder per input file; settlement reads bucket {@code b} of every folder.
 */
public record SpillLayout(Path dayFolder, int buckets) {

    /** Bytes of input per bucket: a bucket's messages must fit comfortably in a settling thread's memory. */
    private static final long INPUT_BYTES_PER_BUCKET = 16L << 20;
    /** A power of two, as is every bucket count: the address shards rely on it (AddressShards). */
    static final int MAX_BUCKETS = 1024;
    private static final String FILE_FOLDER_PREFIX = "f";

    /** The bucket count is derived from the day's recorded input size, so every attempt of a run agrees. */
    public static SpillLayout of(Path stateDir, LocalDate runDate, long inputBytes) {
        int buckets = 4;
        while (buckets < MAX_BUCKETS && (long) buckets * INPUT_BYTES_PER_BUCKET < inputBytes) {
            buckets *= 2;
        }
        return new SpillLayout(dayFolder(stateDir, runDate), buckets);
    }

    /** The day's working files, deleted when the day completes: the spill files, and the outputs' sort runs. */
    static Path dayFolder(Path stateDir, LocalDate runDate) {
        return stateDir.resolve("spill").resolve(runDate.toString());
    }

    Path fileFolder(int fileIndex) {
        return dayFolder.resolve(FILE_FOLDER_PREFIX + fileIndex);
    }

    /** Whether a day's folder holds an input file's spill folder (whatever it holds besides: the sort runs). */
    static boolean holdsSpillFiles(Path dayFolder) {
        if (!Files.isDirectory(dayFolder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dayFolder)) {
            return entries.anyMatch(entry -> Files.isDirectory(entry)
                    && entry.getFileName().toString().matches(FILE_FOLDER_PREFIX + "\\d+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path bucketFile(int fileIndex, int bucket) {
        return fileFolder(fileIndex).resolve("b" + bucket + ".bin");
    }

    /** @return bucket {@code b}'s files of every input file that has one */
    List<Path> bucketFiles(int bucket) {
        if (!Files.isDirectory(dayFolder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dayFolder)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve("b" + bucket + ".bin");
                if (Files.exists(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Refuses a spill file that does not hold what ingest committed to it: the state database holds the checkpoint,
     * but a machine lost before the file reached the disk, or a file removed, leaves less.
     *
     * @param atLeast true while ingest may still append to the file after its checkpoint (a relaunch drops that)
     */
    static void checkCommitted(Path file, long committedLength, boolean atLeast) {
        long length;
        try {
            length = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (length < committedLength || !atLeast && length > committedLength) {
            throw new RunRefusedException("the spill file " + file + " holds " + length + " bytes where ingest"
                    + " committed " + committedLength + ": it was lost or cut short after the checkpoint (a machine"
                    + " lost before the file reached the disk, or the file removed), so the day cannot resume from"
                    + " its checkpoints; restore the state folder from a backup taken before the day began");
        }
    }

    void delete() {
        if (!Files.exists(dayFolder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dayFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
