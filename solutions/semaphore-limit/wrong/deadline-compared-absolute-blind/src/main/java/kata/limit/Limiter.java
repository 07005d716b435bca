package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 *
 * <p>A counting monitor: free permits guarded by a private lock, {@code wait()} while none is
 * free, {@code notifyAll()} on every release.
 */
public class Limiter {

    private final Object lock = new Object();
    private int available;

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.available = permits;
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
        synchronized (lock) {
            while (available == 0) {
                lock.wait();
            }
            available--;
        }
        try {
            task.run();
        } finally {
            release();
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!take(timeout, unit)) {
            return false;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private boolean take(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (lock) {
            // One fixed deadline, so that spurious wake-ups and notifyAll for permits that others
            // take do not restart the timeout.
            final long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (available == 0) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return false;
                }
                // wait(millis, nanos) under the hood, so sub-millisecond timeouts work too.
                TimeUnit.NANOSECONDS.timedWait(lock, deadline - now);
            }
            available--;
            return true;
        }
    }

    private void release() {
        synchronized (lock) {
            available++;
            lock.notifyAll();
        }
    }
}
