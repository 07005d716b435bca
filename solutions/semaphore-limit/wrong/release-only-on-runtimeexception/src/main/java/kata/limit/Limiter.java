package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}.
 */
public class Limiter {

    private final Semaphore permits;

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    /**
     * Waits as long as needed for a permit, runs the task, gives the permit back.
     */
    public void run(Runnable task) throws InterruptedException {
        permits.acquire();
        runAndRelease(task);
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout}: true if the task ran, false if not.
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return false;
        }
        runAndRelease(task);
        return true;
    }

    /** Runs the task holding a permit; a Runnable can only throw unchecked exceptions. */
    private void runAndRelease(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            permits.release();      // give it back, then let the caller see the exception
            throw e;
        }
        permits.release();
    }
}
