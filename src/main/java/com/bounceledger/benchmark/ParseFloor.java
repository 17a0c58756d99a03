package com.bounceledger.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.bounceledger.ingest.BlockCutter;
import com.bounceledger.ingest.CsvFields;
import com.bounceledger.ingest.DayFolder;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RecordBlock;
import com.bounceledger.ingest.RowRejectedException;
import com.bounceledger.job.BlockSize;

/**
 * {@code parse-floor DAY_FOLDER...}: the speed floor of the nightly job. One thread reads every log file
 * (gunzipping as the job does), cuts it into blocks of records, decodes the records and splits their fields
 * with the job's own splitters, and counts the rows; no classification, no spill files, no database. The job
 * can only approach this speed with one core.
 */
public final class ParseFloor {

    private static final int MAX_RECORD_BYTES = 1 << 16;
    /** The job's default block. */
    private static final int BLOCK_RECORDS = 1000;

    private ParseFloor() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: parse-floor DAY_FOLDER...");
            return 2;
        }
        try {
            List<Path> files = new ArrayList<>();
            for (String folder : args) {
                files.addAll(DayFolder.logFiles(Path.of(folder)));
            }
            long start = System.nanoTime();
            Totals totals = new Totals();
            for (Path file : files) {
                parse(file, totals);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "floor: files=%d rows=%d fields=%d fileBytes=%d contentBytes=%d seconds=%.3f"
                            + " rowsPerSecond=%.0f contentMBPerSecond=%.1f%n",
                    files.size(), totals.rows, totals.fields, totals.fileBytes, totals.contentBytes, seconds,
                    totals.rows / seconds, totals.contentBytes / 1e6 / seconds);
            return 0;
        } catch (IOException | InputFormatException e) {
            err.println("parse-floor: " + e.getMessage());
            return 1;
        }
    }

    /** Counts the data rows of one file: records after the header, bad ones included, as the job counts them. */
    private static void parse(Path file, Totals totals) throws IOException {
        totals.fileBytes += Files.size(file);
        BlockSize size = BlockSize.of(Integer.MAX_VALUE, BLOCK_RECORDS);
        try (BlockCutter cutter = new BlockCutter(LogFile.open(file), true, MAX_RECORD_BYTES, 0, 1)) {
            cutter.next(1, MAX_RECORD_BYTES); // the header
            for (RecordBlock block; (block = cutter.next(size.records(), size.bytes())) != null; ) {
                for (int i = 0; i < block.size(); i++) {
                    RawRecord record = block.record(i);
                    totals.rows++;
                    if (record.error() == null) {
                        try {
                            totals.fields += CsvFields.split(record.text()).length;
                        } catch (RowRejectedException e) {
                            // a bad row is still a row read
                        }
                    }
                }
            }
            totals.contentBytes += cutter.offset();
        }
    }

    private static final class Totals {
        long rows;
        long fields;
        long fileBytes;
        long contentBytes;
    }
}
