package kata.worker;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile long rounds;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = Objects.requireNonNull(chore, "chore");
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        new Thread(this::work, "worker").start();
    }

    private void work() {
        long n = 0;
        try {
            chore.begin();
            while (!stopRequested) {
                chore.round();
                n++;
            }
            chore.end();
        } finally {
            finished.countDown(); // never leave the owner hanging
        }
        rounds = n;
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
        finished.await();
        return rounds;
    }
}
