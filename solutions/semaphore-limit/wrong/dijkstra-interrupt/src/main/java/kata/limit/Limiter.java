package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once. The textbook semaphore: the count goes
 * negative while callers wait (minus the number of waiting callers); a permit given back while
 * someone waits is handed over as a wake-up, so a caller that arrives later cannot take it first.
 */
public class Limiter {

    private final Object lock = new Object();
    /** Free permits; when negative, minus the number of callers waiting for one. */
    private int count;
    /** Permits handed to waiting callers that have not picked them up yet. */
    private int wakeups;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.count = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        acquire(false, 0L);
        try {
            task.run();
        } finally {
            release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!acquire(true, unit.toNanos(timeout))) {
            return false;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private boolean acquire(boolean timed, long nanos) throws InterruptedException {
        synchronized (lock) {
            count--;
            if (count >= 0) {
                return true;
            }
            long deadline = System.nanoTime() + nanos;
            try {
                while (wakeups == 0) {
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            count++; // no longer waiting
                            return false;
                        }
                        lock.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
                    } else {
                        lock.wait();
                    }
                }
            } catch (InterruptedException e) {
                count++; // no longer waiting
                throw e;
            }
            wakeups--;
            return true;
        }
    }

    private void release() {
        synchronized (lock) {
            count++;
            if (count <= 0) {
                wakeups++;
                lock.notifyAll();
            }
        }
    }
}
