package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 *
 * <p>Each worker has its own volatile request to stop and its own {@code finished} flag. The
 * owner waits for {@code finished} with {@code wait()} in a {@code while} loop; the worker sets it
 * under the lock, after {@code end()} has returned, and wakes the owner.
 */
public class Worker {

    private static final Object LOCK = new Object();

    private final Chore chore;
    private volatile boolean stopRequested;
    private boolean finished;   // guarded by LOCK
    private long rounds;        // guarded by LOCK

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = java.util.Objects.requireNonNull(chore, "chore");
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
        long n = 0;
        while (!stopRequested) {
            chore.round();
            n++;
        }
        chore.end();
        synchronized (LOCK) {
            rounds = n;
            finished = true;
            LOCK.notify();   // only this worker's owner waits for it
        }
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
        synchronized (LOCK) {
            while (!finished) {
                LOCK.wait();
            }
            return rounds;
        }
    }
}
