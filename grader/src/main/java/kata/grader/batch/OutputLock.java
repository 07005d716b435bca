package kata.grader.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per output folder: a lock on {@code <out>/.lock}, held while a batch, merge or
 * similarity run writes there. The operating system drops it when the process ends, even on
 * kill -9, so a killed run never leaves the folder locked.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalArgumentException when another run holds the folder */
    static OutputLock take(Path out) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(out.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(out);
            }
            return new OutputLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw busy(out);
        } catch (IOException e) {
            close(channel);
            throw new IllegalArgumentException("cannot lock the output folder " + out + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            close(channel);
            throw e;
        }
    }

    private static IllegalArgumentException busy(Path out) {
        return new IllegalArgumentException("another run is writing to " + out + " (it holds " + out.resolve(FILE)
                + "); wait for it to finish, or give another --out");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel below
        }
        close(channel);
    }
}
