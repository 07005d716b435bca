package kata.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 */
public class Limiter {

    private final int limit;
    /** Tasks running now. Changed lock-free on the fast path, waited on through {@link #monitor}. */
    private final AtomicInteger running = new AtomicInteger();
    private final Object monitor = new Object();

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1: " + permits);
        }
        limit = permits;
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
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryEnter()) {
            synchronized (monitor) {
                while (running.get() >= limit) {
                    monitor.wait();
                }
                running.incrementAndGet();
            }
        }
        try {
            task.run();
        } finally {
            leave();
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryEnter()) {
            long nanos = unit.toNanos(timeout);
            final long deadline = System.nanoTime() + nanos;
            synchronized (monitor) {
                while (running.get() >= limit) {
                    if (nanos <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
                    nanos = deadline - System.nanoTime();
                }
                running.incrementAndGet();
            }
        }
        try {
            task.run();
        } finally {
            leave();
        }
        return true;
    }

    /** Lock-free fast path: take a permit with a CAS if one is free. */
    private boolean tryEnter() {
        for (;;) {
            int now = running.get();
            if (now >= limit) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void leave() {
        running.decrementAndGet();
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
