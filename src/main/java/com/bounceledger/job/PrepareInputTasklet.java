package com.bounceledger.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bounceledger.ingest.DayFolder;
import com.bounceledger.ingest.LogFile;

/**
 * Lists the day's files, recognises their formats and fingerprints them. The first attempt records the
 * fingerprints; every later attempt (this step runs on each restart) refuses to resume over changed files.
 */
public class PrepareInputTasklet implements Tasklet {

    private final LocalDate runDate;
    private final Path dayFolder;
    private final int maxRecordBytes;
    private final InputFileRepository inputFiles;

    PrepareInputTasklet(LocalDate runDate, Path dayFolder, int maxRecordBytes, InputFileRepository inputFiles) {
        this.runDate = runDate;
        this.dayFolder = dayFolder;
        this.maxRecordBytes = maxRecordBytes;
        this.inputFiles = inputFiles;
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
        return RepeatStatus.FINISHED;
    }

    private void verifyUnchanged(List<LogFile> recorded, List<Path> paths) {
        List<String> names = paths.stream().map(path -> path.getFileName().toString()).toList();
        List<String> recordedNames = recorded.stream().map(LogFile::name).toList();
        if (!names.equals(recordedNames)) {
            throw new RunRefusedException("input files of " + runDate + " changed since the first attempt: it read "
                    + recordedNames + ", the folder now holds " + names + "; restore the original files to resume");
        }
        for (LogFile file : recorded) {
            LogFile now = LogFile.inspect(file.index(), file.path(), maxRecordBytes);
            if (now.sizeBytes() != file.sizeBytes() || now.checksum() != file.checksum()) {
                throw new RunRefusedException("input file " + file.name() + " changed since the first attempt of "
                        + runDate + " (size " + file.sizeBytes() + " -> " + now.sizeBytes()
                        + " bytes, checksum differs); restore the original file to resume");
            }
        }
    }
}
