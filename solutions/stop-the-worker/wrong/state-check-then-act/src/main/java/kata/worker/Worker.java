package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 *
 * <p>The worker's life is a small state machine in one volatile field:
 * NEW, STARTING (thread started, in {@code begin()}), RUNNING (doing rounds), STOPPING (asked to
 * stop). The owner waits for the end with {@code join()}.
 */
public class Worker {

    private enum State { NEW, STARTING, RUNNING, STOPPING }

    private final Chore chore;
    private volatile State state = State.NEW;
    private Thread thread;
    private long rounds;

    /** A worker for this chore, not started yet. */
    public Worker(Chore chore) {
        this.chore = java.util.Objects.requireNonNull(chore, "chore");
    }

    /**
     * Starts the worker thread and returns at once. The worker thread calls the chore's
     * {@code begin()}, then {@code round()} until it is asked to stop, then {@code end()}.
     */
    public void start() {
        state = State.STARTING;
        thread = new Thread(this::work, "worker");
        thread.start();
    }

    private void work() {
        chore.begin();
        // begin() is done: go on to the rounds, unless the owner asked to stop meanwhile
        if (state == State.STARTING) {
            state = State.RUNNING;
        }
        long n = 0;
        while (state == State.RUNNING) {
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
        state = State.STOPPING;
        thread.join();
        return rounds;
    }
}
