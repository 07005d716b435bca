package kata.worker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOP_REQUESTED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Worker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Chore chore;
    private volatile int state = NEW;
    private Thread thread;
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
        if (!STATE.compareAndSet(this, NEW, RUNNING)) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::work, "worker");
        thread.start();
    }

    private void work() {
        chore.begin();
        long n = 0;
        while ((int) STATE.getVolatile(this) == RUNNING) {
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
        STATE.compareAndSet(this, RUNNING, STOP_REQUESTED); // a second stop() finds it already requested
        thread.join();
        return rounds;
    }
}
