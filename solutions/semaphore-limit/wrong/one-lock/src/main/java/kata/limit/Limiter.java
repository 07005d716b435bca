package kata.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Wrong: one lock for all tasks, so they run one at a time whatever the number of permits. */
public class Limiter {

    private final ReentrantLock lock = new ReentrantLock();

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
    }

    public void run(Runnable task) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            task.run();
        } finally {
            lock.unlock();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!lock.tryLock(timeout, unit)) {
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
