package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final Thread thread;
    /**
     * Set by the owner, read by the worker thread in every round. Volatile: each read sees the
     * latest write, also once the JIT has compiled the loop. A plain field could be read once.
     */
    private volatile boolean stopRequested;
    /**
     * Written by the worker thread only, once, before it ends. Plain is enough: stop() reads it
     * after join(), and everything a thread did happens-before a join() on it returns.
     */
    private long rounds;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = chore;
        this.thread = new Thread(this::work, "worker");
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
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
        thread.join();
        return rounds;
    }

    private void work() {
        chore.begin();
        long done = 0;
        // Wrong: counts a round before knowing whether it will be done; the last one never is.
        while (true) {
            done++;
            if (stopRequested) {
                break;
            }
            chore.round();
        }
        rounds = done;
        chore.end();
    }
}
