package kata.worker;

import java.util.concurrent.Semaphore;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final Semaphore ended = new Semaphore(0);
    private Thread thread;
    /** Written before ended.release(), read after ended.acquire() (and after join()). */
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
        Thread me = Thread.currentThread();
        chore.begin();
        long n = 0;
        while (!me.isInterrupted()) {
            chore.round();
            n++;
        }
        rounds = n;
        chore.end();
        ended.release();
    }

    /**
     * Asks the worker to stop after its current round, and waits until it has finished (its
     * {@code end()} has returned).
     *
     * @return how many rounds the worker did
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public long stop() throws InterruptedException {
        thread.interrupt();
        ended.acquire();
        ended.release(); // keep the "ended" mark for any later stop()
        thread.join();
        return rounds;
    }
}
