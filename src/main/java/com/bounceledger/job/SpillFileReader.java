package com.bounceledger.job;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads back the events that {@link SpillBatch} encoded. It keeps its own buffer and decodes strings in place:
 * through a {@code DataInputStream} each string cost a synchronized read and a copied array, and reading the spill
 * took 18.3 s of the 60.1 s that settlement spent folding buckets on the fourth 10M-message night (thread time).
 */
final class SpillFileReader implements AutoCloseable {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    /** The file's bytes not yet in the buffer: a damaged length fails as the file's end, not as a huge buffer. */
    private long unread;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    SpillFileReader(Path path) throws IOException {
        in = Files.newInputStream(path);
        unread = Files.size(path);
    }

    /** @return the next byte, or -1 at the end of the file */
    int readByteOrEnd() throws IOException {
        if (position == limit && !fill(1)) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    int readByte() throws IOException {
        require(1);
        return buffer[position++] & 0xff;
    }

    long readLong() throws IOException {
        require(Long.BYTES);
        long value = (long) BIG_ENDIAN_LONG.get(buffer, position);
        position += Long.BYTES;
        return value;
    }

    String readString() throws IOException {
        int length = stringLength();
        if (length < 0) {
            return null;
        }
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** A string of a field that repeats: a value among the recent ones is not decoded again. */
    String readString(RecentStrings recent) throws IOException {
        int length = stringLength();
        if (length < 0) {
            return null;
        }
        String value = recent.of(buffer, position, length);
        position += length;
        return value;
    }

    /** @return the next string's length in bytes, which are then buffered, or -1 for a null */
    private int stringLength() throws IOException {
        int lengthPlusOne = readVarint();
        if (lengthPlusOne > 0) {
            require(lengthPlusOne - 1);
        }
        return lengthPlusOne - 1;
    }

    private int readVarint() throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = readByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private void require(int bytes) throws IOException {
        if (limit - position < bytes && !fill(bytes)) {
            throw new EOFException("spill file ends inside a record");
        }
    }

    /** @return whether at least {@code bytes} bytes are buffered, which only the file's end prevents */
    private boolean fill(int bytes) throws IOException {
        int buffered = limit - position;
        if (buffered + unread < bytes) {
            return false;
        }
        System.arraycopy(buffer, position, buffer, 0, buffered);
        position = 0;
        limit = buffered;
        if (bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bytes, buffer.length * 2));
        }
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
            unread -= read;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
