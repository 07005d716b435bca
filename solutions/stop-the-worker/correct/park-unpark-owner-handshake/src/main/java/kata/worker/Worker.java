package kata.worker;

import java.util.concurrent.locks.LockSupport;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private volatile boolean stopRequested;
    private volatile boolean done;
    private volatile Thread waitingOwner;
    private Thread thread;
    /** Written before done = true, so it is visible to whoever reads done == true. */
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
        long n = 0;
        while (!stopRequested) {
            chore.round();
            n++;
        }
        chore.end();
        rounds = n;
        done = true;
        Thread owner = waitingOwner;
        if (owner != null) {
            LockSupport.unpark(owner);
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
        waitingOwner = Thread.currentThread(); // publish before the request, before checking done
        stopRequested = true;
        while (!done) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the worker");
            }
            LockSupport.park(this);
        }
        thread.join(); // only its last few instructions are left: let it end
        return rounds;
    }
}
