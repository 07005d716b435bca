package kata.worker;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 *
 * <p>The request to stop is a {@code volatile} flag. The worker counts its rounds in a volatile
 * field and opens a latch once {@code end()} has returned; the owner waits on that latch.
 */
public class Worker {

    /** The owner never hangs forever on a stuck chore. */
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Chore chore;
    private final CountDownLatch ended = new CountDownLatch(1);
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
        chore.begin();
        while (!stopRequested) {
            chore.round();
            rounds++;           // only this thread writes it
        }
        chore.end();
        ended.countDown();
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
        ended.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return rounds;
    }
}
