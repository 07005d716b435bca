package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 *
 * <p>A counting monitor with a volatile count: takers check and decrement it under the monitor
 * (check-then-act must be atomic), and wait there while it is zero. Giving a permit back only adds
 * one: the count is volatile, so the waiters see the new value, and the monitor is needed only for
 * {@code notifyAll()}. That keeps the release path short, so a task that ends never queues on the
 * lock behind the takers just to bump a counter.
 */
public class Limiter {

    private final Object lock = new Object();
    private volatile int available;

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
        long nanos = unit.toNanos(timeout);
        synchronized (lock) {
            final long start = System.nanoTime();
            while (available == 0) {
                long remaining = nanos - (System.nanoTime() - start);
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            available--;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private void release() {
        available++;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
