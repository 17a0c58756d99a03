package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnePassFileStreamTest {

    private static final int BUFFER = OnePassFileStream.BUFFER_BYTES;

    @TempDir
    Path folder;

    /** Sizes around the file system's blocks and the stream's buffer, where direct reads end short. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 4095, 4096, 4097, BUFFER - 1, BUFFER, BUFFER + 1, 3 * BUFFER + 12_345})
    void aFileComesBackByteForByteWhateverItsSize(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(folder.resolve("f" + size), content);

        assertThat(readInUnevenPieces(file)).isEqualTo(content);
    }

    /**
     * A partition that stops early (a failed chunk) closes the stream while the next buffer is read ahead: the file
     * is let go (counted in the process's open descriptors, where Linux lists them), and can be read again.
     */
    @Test
    void aStreamClosedWhileReadingAheadLetsItsFileGo() throws IOException {
        byte[] content = new byte[3 * BUFFER];
        new Random(7).nextBytes(content);
        Path file = Files.write(folder.resolve("early"), content);
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "open descriptors are listed in /proc/self/fd");
        long openBefore = count(descriptors);

        byte[] start = new byte[10];
        InputStream in = OnePassFileStream.open(file, true);
        assertThat(in.read(start)).isEqualTo(10);
        assertThat(count(descriptors)).isGreaterThan(openBefore);
        in.close();

        assertThat(count(descriptors)).isEqualTo(openBefore);
        assertThat(start).isEqualTo(Arrays.copyOf(content, 10));
        assertThat(readInUnevenPieces(file)).isEqualTo(content);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }

    /** Single bytes and reads of every length, as the gzip and buffered streams above it ask. */
    private static byte[] readInUnevenPieces(Path file) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] piece = new byte[70_001];
        try (InputStream in = OnePassFileStream.open(file, true)) {
            for (int round = 0; ; round++) {
                if (round % 3 == 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    read.write(b);
                } else {
                    int n = in.read(piece, 7, 1 + round * 7919 % 70_000);
                    if (n < 0) {
                        break;
                    }
                    read.write(piece, 7, n);
                }
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(piece, 0, 10)).isEqualTo(-1);
        }
        return read.toByteArray();
    }
}
