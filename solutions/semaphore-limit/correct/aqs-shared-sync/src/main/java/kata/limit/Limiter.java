package kata.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 */
public class Limiter {
    private final Sync sync;

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        sync = new Sync(permits);
    }

    /**
     * Runs the task in the calling thread once fewer than {@code permits} tasks are running: waits
     * as long as it takes, never turns a caller away. The task's permit is given back when it
     * ends, also when it throws; what it throws reaches the caller unchanged.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits; the task
     *                              does not run then
     */
    public void run(Runnable task) throws InterruptedException {
        sync.acquireSharedInterruptibly(1);
        try {
            task.run();
        } finally {
            sync.releaseShared(1);
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!sync.tryAcquireSharedNanos(1, unit.toNanos(timeout))) {
            return false;
        }
        try {
            task.run();
        } finally {
            sync.releaseShared(1);
        }
        return true;
    }

    /** State = number of free permits. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        Sync(int permits) {
            setState(permits);
        }

        @Override
        protected int tryAcquireShared(int acquires) {
            for (;;) {
                int available = getState();
                int remaining = available - acquires;
                if (remaining < 0 || compareAndSetState(available, remaining)) {
                    return remaining;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int releases) {
            for (;;) {
                int current = getState();
                if (compareAndSetState(current, current + releases)) {
                    return true;
                }
            }
        }
    }
}
