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

    private int count;

    /** Adds one to the count. */
    public void increment() {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    /** The current count. */
    public int get() {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public boolean incrementIfBelow(int limit) {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }
}
