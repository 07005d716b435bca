package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        throw new UnsupportedOperationException("Worker(chore) is not written yet: keep the chore for the worker"
                + " thread.");
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        throw new UnsupportedOperationException("Worker.start() is not written yet: start a thread that calls"
                + " begin(), then round() until it is asked to stop, counting the rounds, then end().");
    }

    /**
     * Asks the worker to stop after its current round, and waits until it has finished (its
     * {@code end()} has returned).
     *
     * @return how many rounds the worker did
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public long stop() throws InterruptedException {
        throw new UnsupportedOperationException("Worker.stop() is not written yet: ask the worker thread to stop"
                + " (so that it sees the request, also once its loop is compiled), wait until it has ended, and"
                + " return its count of rounds.");
    }
}
