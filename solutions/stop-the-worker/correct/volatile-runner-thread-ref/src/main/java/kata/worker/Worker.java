package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    /** The thread that is allowed to keep going; null once the owner asked it to stop. */
    private volatile Thread runner;
    /** The owner's handle on the worker thread, used only by the owner. */
    private Thread thread;
    /** Written once by the worker after its loop, read by the owner after join(). */
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
        Thread t = new Thread(this::work, "worker");
        thread = t;
        runner = t;
        t.start();
    }

    private void work() {
        Thread me = Thread.currentThread();
        chore.begin();
        long n = 0;
        while (runner == me) {
            chore.round();
            n++;
        }
        rounds = n;
        chore.end();
    }

    /**
     * Asks the worker to stop after its current round, and waits until it has finished (its
     * {@code end()} has returned).
     *
     * @return how many rounds the worker did
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public long stop() throws InterruptedException {
        runner = null;
        thread.join();
        return rounds;
    }
}
