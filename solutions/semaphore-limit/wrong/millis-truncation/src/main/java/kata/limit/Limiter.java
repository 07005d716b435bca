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
            throw new IllegalArgumentException("a limiter needs at least one permit: " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    /**
     * Waits as long as needed for a permit, runs the task, gives the permit back.
     */
    public void run(Runnable task) throws InterruptedException {
        permits.acquire();
        try {
            task.run();
        } finally {
            permits.release();
        }
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout}: true if the task ran, false if not.
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        long timeoutMillis = unit.toMillis(timeout);    // one unit inside the limiter
        if (!acquireWithin(timeoutMillis)) {
            return false;
        }
        try {
            task.run();
        } finally {
            permits.release();
        }
        return true;
    }

    private boolean acquireWithin(long millis) throws InterruptedException {
        return permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
