package kata.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks with at most a fixed number of them at once: a permit counter guarded by a
 * {@link ReentrantLock}, waiting callers wait on a {@link Condition}, every permit given back wakes
 * all of them.
 */
public class Limiter {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitFree = lock.newCondition();
    private int available;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.available = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (available == 0) {
                permitFree.await();
            }
            available--;
        } finally {
            lock.unlock();
        }
        try {
            task.run();
        } finally {
            release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (available == 0) {
                // await returns false when the waiting time elapsed
                if (!permitFree.await(timeout, unit) && available == 0) {
                    return false;
                }
            }
            available--;
        } finally {
            lock.unlock();
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private void release() {
        lock.lock();
        try {
            available++;
            permitFree.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
