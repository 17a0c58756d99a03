package com.bounceledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per state folder. An OS file lock, unlike HSQLDB's lock file, dies with its process,
 * so a relaunch right after a kill -9 is not refused.
 */
public final class StateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws AnotherRunInProgressException when another process holds the state folder */
    public static StateLock acquire(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            FileChannel channel = FileChannel.open(stateDir.resolve("run.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new AnotherRunInProgressException("another run is using the state folder " + stateDir
                        + "; wait for it to finish");
            }
            return new StateLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the state folder " + stateDir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another process holds the state folder. */
    public static class AnotherRunInProgressException extends RuntimeException {
        public AnotherRunInProgressException(String message) {
            super(message);
        }
    }
}
