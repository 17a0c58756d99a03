package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;

class LogFileTest {

    @Test
    void aFileWhoseGzipHeaderIsCutIsClosedAsTheErrorIsThrown() {
        CloseRecorder file = new CloseRecorder(new byte[] {0x1f, (byte) 0x8b, 8}); // the magic, then nothing

        assertThatThrownBy(() -> LogFile.decompressing(file)).isInstanceOf(EOFException.class);
        assertThat(file.closed).isTrue();
    }

    @Test
    void aPlainFileIsLeftOpenForItsReader() throws IOException {
        CloseRecorder file = new CloseRecorder("a,b\n".getBytes());

        InputStream content = LogFile.decompressing(file);

        assertThat(file.closed).isFalse();
        assertThat(content.readAllBytes()).isEqualTo("a,b\n".getBytes());
    }

    @Test
    void aFileThatCannotBeReadThroughIsNamedWithWhatWentWrong() {
        assertThat(LogFile.readFailure("day.csv.gz", new EOFException("Unexpected end of ZLIB input stream")))
                .hasMessage("day.csv.gz: truncated or corrupt gzip (Unexpected end of ZLIB input stream)");
        assertThat(LogFile.readFailure("day.csv.gz", new ZipException("invalid block type")))
                .hasMessage("day.csv.gz: truncated or corrupt gzip (invalid block type)");
        assertThat(LogFile.readFailure("day.csv", new IOException("Input/output error")))
                .hasMessage("day.csv: read error (Input/output error)");
    }

    private static final class CloseRecorder extends ByteArrayInputStream {
        boolean closed;

        CloseRecorder(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
