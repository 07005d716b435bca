package kata.worker;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final BlockingQueue<Long> result = new ArrayBlockingQueue<>(1);
    private volatile boolean stopRequested;
    private Thread thread;
    /** Owner-only: the count once taken from the queue. */
    private Long finalCount;

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
        long n = 0;
        while (!stopRequested) {
            chore.round();
            n++;
        }
        chore.end();
        result.offer(n); // capacity 1, offered once: never fails
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
        if (finalCount == null) {
            finalCount = result.take();
        }
        thread.join();
        return finalCount;
    }
}
