package kata.worker;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition ended = lock.newCondition();

    private volatile boolean stopRequested;
    private Thread thread;

    // guarded by lock
    private boolean finished;
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
        lock.lock();
        try {
            rounds = n;
            finished = true;
            ended.signalAll();
        } finally {
            lock.unlock();
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
        long result;
        lock.lockInterruptibly();
        try {
            while (!finished) {
                ended.await();
            }
            result = rounds;
        } finally {
            lock.unlock();
        }
        thread.join(); // the worker only unlocks and returns after the signal
        return result;
    }
}
