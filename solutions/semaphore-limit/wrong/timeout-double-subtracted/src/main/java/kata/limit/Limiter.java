package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore on this limiter's own monitor, wait/notifyAll.
 */
public class Limiter {

    private final Object monitor = new Object();
    private int free;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1: " + permits);
        }
        this.free = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (free == 0) {
                monitor.wait();
            }
            free--;
        }
        try {
            task.run();
        } finally {
            release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            long remaining = unit.toNanos(timeout);
            final long start = System.nanoTime();
            while (free == 0) {
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                // don't restart the timeout after a wake-up: take off the time already waited
                remaining -= System.nanoTime() - start;
            }
            free--;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private void release() {
        synchronized (monitor) {
            free++;
            monitor.notifyAll();
        }
    }
}
