package kata.race;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private int count;

    /** Adds one to the count. */
    public void increment() {
        rw.writeLock().lock();
        try {
            count++;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** The current count. */
    public int get() {
        rw.readLock().lock();
        try {
            return count;
        } finally {
            rw.readLock().unlock();
        }
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        rw.writeLock().lock();
        try {
            if (count >= limit) {
                return false;
            }
            count += 1;
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
