package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private Thread thread;
    private volatile boolean stopRequested;
    /** Volatile so the owner always sees the latest count. */
    private volatile long rounds;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = chore;
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        thread = new Thread(() -> {
            chore.begin();
            while (!stopRequested) {
                chore.round();
                rounds++; // only this thread writes it
            }
            chore.end();
        });
        thread.start();
    }

    /**
     * Asks the worker to stop after its current round, and waits until it has finished (its
     * {@code end()} has returned).
     *
     * @return how many rounds the worker did
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public long stop() throws InterruptedException {
        stopRequested = true;
        try {
            return rounds;
        } finally {
            thread.join(); // we never leave stop() before the worker has ended
        }
    }
}
