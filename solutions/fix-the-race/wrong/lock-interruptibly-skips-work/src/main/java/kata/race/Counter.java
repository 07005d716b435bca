package kata.race;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final Lock lock = new ReentrantLock();
    private int count;

    /** Adds one to the count. */
    public void increment() {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    /** The current count. */
    public int get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step: however many
     * threads call it at once, the count never goes past the limit (think of selling the last seats
     * of a concert).
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
