package kata.race;

import java.util.concurrent.Semaphore;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    /** One permit: a mutex. */
    private final Semaphore mutex = new Semaphore(1);

    /** Guarded by {@link #mutex}. */
    private int count;

    /** Adds one to the count. */
    public void increment() {
        mutex.acquireUninterruptibly();
        try {
            count++;
        } finally {
            mutex.release();
        }
    }

    /** The current count. */
    public int get() {
        mutex.acquireUninterruptibly();
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
        mutex.acquireUninterruptibly();
        try {
            if (count >= limit) {
                // refused: nothing to change, let the next caller in at once
                mutex.release();
                return false;
            }
            count++;
            return true;
        } finally {
            mutex.release();
        }
    }
}
