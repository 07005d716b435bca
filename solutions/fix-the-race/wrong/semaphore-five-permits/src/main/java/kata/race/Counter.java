package kata.race;

import java.util.concurrent.Semaphore;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private static final int WORKERS = 5;

    private final Semaphore permits = new Semaphore(WORKERS);
    private int count;

    /** Adds one to the count. */
    public void increment() {
        permits.acquireUninterruptibly();
        try {
            count++;
        } finally {
            permits.release();
        }
    }

    /** The current count. */
    public int get() {
        permits.acquireUninterruptibly();
        try {
            return count;
        } finally {
            permits.release();
        }
    }

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public boolean incrementIfBelow(int limit) {
        permits.acquireUninterruptibly();
        try {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        } finally {
            permits.release();
        }
    }
}
