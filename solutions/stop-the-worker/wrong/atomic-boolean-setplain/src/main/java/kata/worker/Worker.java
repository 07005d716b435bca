package kata.worker;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final AtomicBoolean stopRequested = new AtomicBoolean(false);
    private Thread thread;
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
        thread = new Thread(this::work, "worker");
        thread.start();
    }

    private void work() {
        chore.begin();
        long count = 0;
        // get() is a volatile read: the JIT must load the flag again before every round.
        while (!stopRequested.get()) {
            chore.round();
            count++;
        }
        rounds = count;
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
        // Only the owner ever writes the flag, and only once, so no fence is needed on this side.
        stopRequested.setPlain(true);
        thread.join();
        return rounds;
    }
}
