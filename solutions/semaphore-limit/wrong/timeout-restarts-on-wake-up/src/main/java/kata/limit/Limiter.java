package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once: a counter under a private monitor,
 * wait()/notifyAll() in a while loop.
 */
public class Limiter {

    private final Object monitor = new Object();
    private int available;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.available = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        synchronized (monitor) {
            while (available == 0) {
                monitor.wait();
            }
            available--;
        }
        try {
            task.run();
        } finally {
            release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            while (available == 0) {
                if (nanos <= 0) {
                    return false;
                }
                long before = System.nanoTime();
                monitor.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                if (System.nanoTime() - before >= nanos) {
                    nanos = 0; // the wait ran out: time is up
                }
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
        synchronized (monitor) {
            available++;
            monitor.notifyAll();
        }
    }
}
