package com.bounceledger.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One input file of a day, with the size taken at the run's first attempt so that a restart can refuse to resume
 * over a changed file (with the checksums of {@link #contentChecksum} and {@link #checksum}).
 *
 * @param index    position in name order within the day
 * @param format   the detected format, or null for an empty file
 */
public record LogFile(int index, Path path, long sizeBytes, LogFormat format) {

    private static final int GZIP_MAGIC = 0x8b1f;

    public String name() {
        return path.getFileName().toString();
    }

    /**
     * Takes the file's size and recognises its format from its first record. The file is not read through: ingest
     * checksums what it reads as it reads it ({@link BlockCutter#checksum()}).
     */
    public static LogFile inspect(int index, Path path, int maxRecordBytes) {
        try {
            return new LogFile(index, path, Files.size(path), detectFormat(path, maxRecordBytes));
        } catch (IOException e) {
            throw new InputFormatException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Opens the file's content. */
    public static InputStream open(Path path) throws IOException {
        return decompressing(Files.newInputStream(path));
    }

    /**
     * Wraps a file's raw bytes, decompressing gzip (recognised by its magic bytes, not its name). The file is closed
     * when its gzip header cannot be read: a direct read holds a thread and two buffers ({@link OnePassFileStream}).
     */
    public static InputStream decompressing(InputStream file) throws IOException {
        try {
            InputStream raw = new BufferedInputStream(file, 1 << 16);
            raw.mark(2);
            int magic = raw.read() | raw.read() << 8;
            raw.reset();
            return magic == GZIP_MAGIC ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException | RuntimeException e) {
            try {
                file.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The CRC32C of the file's first {@code contentBytes} bytes of content (decompressed), as ingest took it.
     *
     * @param directReads whether to read around the page cache where the file system allows it
     *                    ({@link OnePassFileStream})
     * @throws java.io.EOFException when the content is shorter
     */
    public static long contentChecksum(Path path, long contentBytes, boolean directReads) throws IOException {
        // Only skipped through, never cut: the format and record limit play no part.
        InputStream content = decompressing(OnePassFileStream.open(path, directReads));
        try (BlockCutter cutter = new BlockCutter(content, false, 1, 0, 1)) {
            cutter.skipTo(contentBytes, 1);
            return cutter.checksum();
        }
    }

    /** The CRC32C of the whole file as stored, which builds before {@link #contentChecksum} recorded. */
    public static long checksum(Path path) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static LogFormat detectFormat(Path path, int maxRecordBytes) throws IOException {
        try (RawRecordSource source = new RawRecordSource(open(path), false, maxRecordBytes, 0, 1)) {
            RawRecord first = source.next();
            if (first == null) {
                return null;
            }
            LogFormat format = first.error() == null ? LogFormat.detect(first.text()) : null;
            if (format == null) {
                throw new InputFormatException(path.getFileName() + ": unrecognised log format (first line: '"
                        + abbreviate(first.text()) + "')");
            }
            return format;
        } catch (EOFException | ZipException e) {
            throw readFailure(path.getFileName().toString(), e);
        }
    }

    /** The error of a file that cannot be read through: its gzip content cut short or corrupt, or the device's. */
    public static InputFormatException readFailure(String fileName, IOException e) {
        String kind = e instanceof EOFException || e instanceof ZipException
                ? "truncated or corrupt gzip" : "read error";
        return new InputFormatException(fileName + ": " + kind + " (" + e.getMessage() + ")", e);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
