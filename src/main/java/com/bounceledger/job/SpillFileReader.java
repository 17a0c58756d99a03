package com.bounceledger.job;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back what {@link SpillFileWriter} wrote. */
final class SpillFileReader implements AutoCloseable {

    private final DataInputStream in;

    SpillFileReader(Path path) throws IOException {
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    }

    /** @return the next byte, or -1 at the end of the file */
    int readByteOrEnd() throws IOException {
        return in.read();
    }

    int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("spill file ends inside a record");
        }
        return b;
    }

    long readLong() throws IOException {
        return in.readLong();
    }

    String readString() throws IOException {
        int lengthPlusOne = readVarint();
        if (lengthPlusOne == 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(lengthPlusOne - 1);
        return new String(bytes, StandardCharsets.UTF_8);
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

    @Override
    public void close() throws IOException {
        in.close();
    }

}
