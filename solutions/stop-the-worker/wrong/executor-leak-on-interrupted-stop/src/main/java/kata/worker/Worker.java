package kata.worker;

import java.util.Objects;
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
    private volatile boolean stopRequested;
    private ExecutorService executor;
    private Future<Long> result;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = Objects.requireNonNull(chore, "chore");
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        executor = Executors.newSingleThreadExecutor();
        result = executor.submit(() -> {
            chore.begin();
            long n = 0;
            while (!stopRequested) {
                chore.round();
                n++;
            }
            chore.end();
            return n;
        });
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
            long n = result.get();
            executor.shutdown(); // the task is done: let the pool's thread end
            return n;
        } catch (ExecutionException e) {
            executor.shutdown();
            throw new IllegalStateException("worker failed", e.getCause());
        }
    }
}
