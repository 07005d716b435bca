package kata.limit;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 */
public class Limiter {
    private final AtomicInteger available;
    private final Queue<Thread> waiters = new ConcurrentLinkedQueue<>();

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        available = new AtomicInteger(permits);
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
        take(false, 0L);
        try {
            task.run();
        } finally {
            giveBack();
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!take(true, unit.toNanos(timeout))) {
            return false;
        }
        try {
            task.run();
        } finally {
            giveBack();
        }
        return true;
    }

    private boolean tryTake() {
        for (;;) {
            int free = available.get();
            if (free == 0) {
                return false;
            }
            if (available.compareAndSet(free, free - 1)) {
                return true;
            }
        }
    }

    private boolean take(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryTake()) {
            return true;
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        Thread me = Thread.currentThread();
        waiters.add(me);   // register first, then re-check: a release after this point unparks us
        try {
            while (!tryTake()) {
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        return false;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            waiters.remove(me);
        }
    }

    private void giveBack() {
        available.incrementAndGet();
        for (Thread waiter : waiters) {
            LockSupport.unpark(waiter);
        }
    }
}
