package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends binary records to one spill file; knows its exact length for checkpoints. */
final class SpillFileWriter implements AutoCloseable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 15);
    private long position;

    /** Opens the file at a committed length, dropping anything written after that checkpoint. */
    SpillFileWriter(Path path, long committedLength) {
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(committedLength);
            channel.position(committedLength);
            position = committedLength;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeByte(int value) {
        ensure(1);
        buffer.put((byte) value);
    }

    void writeLong(long value) {
        ensure(8);
        buffer.putLong(value);
    }

    /** Null-safe string: a varint of length + 1 (0 for null), then UTF-8 bytes. */
    void writeString(String value) {
        if (value == null) {
            writeVarint(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarint(bytes.length + 1);
        for (int offset = 0; offset < bytes.length; ) {
            ensure(1);
            int n = Math.min(buffer.remaining(), bytes.length - offset);
            buffer.put(bytes, offset, n);
            offset += n;
        }
    }

    private void writeVarint(int value) {
        ensure(5);
        while ((value & ~0x7f) != 0) {
            buffer.put((byte) (value & 0x7f | 0x80));
            value >>>= 7;
        }
        buffer.put((byte) value);
    }

    /** @return the file's length once everything written so far is flushed */
    long flush() {
        try {
            buffer.flip();
            while (buffer.hasRemaining()) {
                position += channel.write(buffer);
            }
            buffer.clear();
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
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
