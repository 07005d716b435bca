package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Limiter on a Semaphore. An interrupted caller must not run its task, so the interrupt is checked
 * once more right before the task starts.
 */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    public void run(Runnable task) throws InterruptedException {
        permits.acquire();
        checkNotInterrupted();
        try {
            task.run();
        } finally {
            permits.release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return false;
        }
        checkNotInterrupted();
        try {
            task.run();
        } finally {
            permits.release();
        }
        return true;
    }

    /** The README: interrupted -> InterruptedException, and the task does not run. */
    private static void checkNotInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the task could start");
        }
    }
}
