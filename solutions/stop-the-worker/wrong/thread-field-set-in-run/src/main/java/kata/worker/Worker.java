package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private volatile boolean stopRequested;
    /** The worker thread, registered by the worker itself once it runs. */
    private volatile Thread workerThread;
    private long rounds;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = chore;
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        new Thread(this::work, "worker").start();
    }

    private void work() {
        workerThread = Thread.currentThread();
        chore.begin();
        long n = 0;
        while (!stopRequested) {
            chore.round();
            n++;
        }
        rounds = n;
        chore.end();
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
        Thread t = workerThread;
        if (t != null) { // null: the worker never got going, nothing to wait for
            t.join();
        }
        return rounds;
    }
}
