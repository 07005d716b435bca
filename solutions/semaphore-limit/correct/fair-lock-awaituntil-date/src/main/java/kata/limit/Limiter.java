package kata.limit;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 */
public class Limiter {
    private final Lock lock = new ReentrantLock(true);
    private final Condition free = lock.newCondition();
    private final int capacity;
    private int taken;

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        capacity = permits;
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
        lock.lockInterruptibly();
        try {
            while (taken >= capacity) {
                free.await();
            }
            taken++;
        } finally {
            lock.unlock();
        }
        try {
            task.run();
        } finally {
            putBack();
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        long now = System.currentTimeMillis();
        long waitMs = unit.toMillis(timeout);
        long end;
        if (timeout <= 0) {
            end = now;                       // do not wait at all
        } else if (waitMs >= Long.MAX_VALUE - now - 2) {
            end = Long.MAX_VALUE;            // as good as for ever
        } else {
            // + 2 ms: one for the sub-millisecond part toMillis cuts off, one for the part of the
            // current wall-clock millisecond that is already gone; never give up before the timeout
            end = now + waitMs + 2;
        }
        Date deadline = new Date(end);
        lock.lockInterruptibly();
        try {
            boolean timeLeft = true;
            while (taken >= capacity) {
                if (!timeLeft) {
                    return false;
                }
                timeLeft = free.awaitUntil(deadline);
            }
            taken++;
        } finally {
            lock.unlock();
        }
        try {
            task.run();
        } finally {
            putBack();
        }
        return true;
    }

    private void putBack() {
        lock.lock();
        try {
            taken--;
            free.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
