package kata.limit;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks with at most a fixed number of them at once, like the seed's {@code Semaphore(3)}
 * that lets three of ten workers in at a time. Many threads call it at the same time; each call
 * runs its task in the calling thread.
 */
public class Limiter {

    /**
     * A limiter that lets at most {@code permits} tasks run at once.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public Limiter(int permits) {
        // Keep what run and tryRun need here (and reject permits < 1).
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
        throw new UnsupportedOperationException("Limiter.run(task) is not written yet: wait for a permit (at"
                + " most `permits` tasks may run at once), run the task, and give the permit back even if the"
                + " task throws.");
    }

    /**
     * Like {@link #run}, but waits at most {@code timeout} for a permit: returns true when the task
     * ran, false when the time ran out first (the task does not run then).
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("Limiter.tryRun(task, timeout, unit) is not written yet: wait at"
                + " most the timeout for a permit; if one comes, run the task, give the permit back and return"
                + " true; if not, return false without running it.");
    }
}
