package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends binary records to one spill file; knows its exact length for checkpoints. */
final class SpillFileWriter implements AutoCloseable {

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long position;

    /**
     * Opens the file at a committed length, dropping anything written after that checkpoint; refuses a file that
     * holds less.
     */
    SpillFileWriter(Path path, long committedLength, int bufferBytes) {
        SpillLayout.checkCommitted(path, committedLength, true);
        buffer = ByteBuffer.allocate(bufferBytes);
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(committedLength);
            channel.position(committedLength);
            position = committedLength;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(byte[] bytes, int offset, int length) {
        if (length > buffer.remaining()) {
            flush();
        }
        if (length <= buffer.capacity()) {
            buffer.put(bytes, offset, length);
            return;
        }
        try {
            writeFully(ByteBuffer.wrap(bytes, offset, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file's length once everything written so far is flushed */
    long flush() {
        try {
            buffer.flip();
            writeFully(buffer);
            buffer.clear();
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
