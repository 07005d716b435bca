package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 *
 * <p>The owner waits with {@code wait()} on a private lock; the worker announces the end with
 * {@code notifyAll()} once {@code end()} has returned and the count is written.
 */
public class Worker {

    private final Chore chore;
    private final Object lock = new Object();
    private volatile boolean stopRequested;
    private volatile boolean finished;
    private volatile long rounds;

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
        rounds = n;
        synchronized (lock) {
            finished = true;
            lock.notifyAll();
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
        while (!finished) {
            synchronized (lock) {
                lock.wait();
            }
        }
        return rounds;
    }
}
