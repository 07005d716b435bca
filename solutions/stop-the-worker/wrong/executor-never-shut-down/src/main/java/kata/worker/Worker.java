package kata.worker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private Future<?> running;
    /**
     * Set by the owner, read by the worker thread in every round. Volatile: each read sees the
     * latest write, also once the JIT has compiled the loop. A plain field could be read once.
     */
    private volatile boolean stopRequested;
    /**
     * Written by the worker task before it ends; Future.get() makes it visible to stop().
     */
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
        running = executor.submit(this::work);
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
            running.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        // Wrong: the executor is never shut down, so its thread waits for more work forever.
        return rounds;
    }

    private void work() {
        chore.begin();
        long done = 0;
        while (!stopRequested) {
            chore.round();
            done++;
        }
        rounds = done;
        chore.end();
    }
}
