package com.bounceledger.job;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bounceledger.ingest.DayFolder;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;

/**
 * Lists the day's files and recognises their formats. The first attempt records them; every later attempt (this
 * step runs on each restart) refuses to resume over changed files. It does not read the files through: ingest
 * records how much of each it has read with the checksum of those bytes, and a restart checks that part. Every
 * attempt also claims the day's spill folder for this build's spill format ({@link SpillFormat}).
 */
public class PrepareInputTasklet implements Tasklet {

    private final LocalDate runDate;
    private final Path dayFolder;
    private final int maxRecordBytes;
    private final InputFileRepository inputFiles;
    private final Path spillFolder;
    private final boolean directReads;

    PrepareInputTasklet(LocalDate runDate, Path dayFolder, int maxRecordBytes, InputFileRepository inputFiles,
                        Path spillFolder, boolean directReads) {
        this.runDate = runDate;
        this.dayFolder = dayFolder;
        this.maxRecordBytes = maxRecordBytes;
        this.inputFiles = inputFiles;
        this.spillFolder = spillFolder;
        this.directReads = directReads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Path> paths = DayFolder.logFiles(dayFolder);
        List<LogFile> recorded = inputFiles.find(runDate, dayFolder);
        if (recorded.isEmpty()) {
            List<LogFile> files = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                files.add(LogFile.inspect(i, paths.get(i), maxRecordBytes));
            }
            inputFiles.record(runDate, files);
        } else {
            verifyUnchanged(recorded, paths);
        }
        SpillFormat.claim(spillFolder, runDate);
        return RepeatStatus.FINISHED;
    }

    /**
     * The names and sizes must be those recorded, and the content that earlier attempts read must have the checksum
     * they took (a day recorded by a build before {@code input_read}: the whole file its first attempt took).
     */
    private void verifyUnchanged(List<LogFile> recorded, List<Path> paths) {
        List<String> names = paths.stream().map(path -> path.getFileName().toString()).toList();
        List<String> recordedNames = recorded.stream().map(LogFile::name).toList();
        if (!names.equals(recordedNames)) {
            throw new RunRefusedException("input files of " + runDate + " changed since the first attempt: it read "
                    + recordedNames + ", the folder now holds " + names + "; restore the original files to resume");
        }
        Map<Integer, InputFileRepository.ReadCheck> checks = inputFiles.readChecks(runDate);
        for (LogFile file : recorded) {
            InputFileRepository.ReadCheck check = checks.get(file.index());
            try {
                long size = Files.size(file.path());
                if (size != file.sizeBytes()) {
                    throw changed(file, "size " + file.sizeBytes() + " -> " + size + " bytes");
                }
                if (check.wholeFileChecksum() != null) {
                    if (LogFile.checksum(file.path()) != check.wholeFileChecksum()) {
                        throw changed(file, "checksum differs");
                    }
                } else if (check.readBytes() > 0
                        && LogFile.contentChecksum(file.path(), check.readBytes(), directReads) != check.readChecksum()) {
                    throw changed(file, "its first " + check.readBytes() + " bytes, already read, differ");
                }
            } catch (EOFException | ZipException e) {
                throw changed(file, "its first " + check.readBytes() + " bytes, already read, cannot be read again: "
                        + e.getMessage());
            } catch (IOException e) {
                throw new InputFormatException(file.name() + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    private RunRefusedException changed(LogFile file, String how) {
        return new RunRefusedException("input file " + file.name() + " changed since the first attempt of " + runDate
                + " (" + how + "); restore the original file to resume");
    }
}
