package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once, on a {@link Semaphore}. The permit is
 * given back when the task returns and, before the throwable is passed on unchanged, when it
 * throws: a {@link Runnable} can throw only unchecked exceptions and errors.
 */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    public void run(Runnable task) throws InterruptedException {
        permits.acquire();
        runHoldingPermit(task);
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return false;
        }
        runHoldingPermit(task);
        return true;
    }

    private void runHoldingPermit(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
        permits.release();
    }
}
