package kata.race;

import java.util.concurrent.Semaphore;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method runs under one {@link Semaphore} with a single permit, used as a mutex.
 */
public class Counter {

    private final Semaphore mutex = new Semaphore(1);
    private int count;

    /** Adds one to the count. */
    public void increment() {
        lock();
        try {
            count++;
        } finally {
            mutex.release();
        }
    }

    /** The current count. */
    public int get() {
        lock();
        try {
            return count;
        } finally {
            mutex.release();
        }
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        lock();
        try {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        } finally {
            mutex.release();
        }
    }

    private void lock() {
        try {
            mutex.acquire();
        } catch (InterruptedException e) {
            // A counter must still count on an interrupted thread: keep the caller's interrupt
            // status for whoever owns the thread, and carry on.
            Thread.currentThread().interrupt();
        }
    }
}
