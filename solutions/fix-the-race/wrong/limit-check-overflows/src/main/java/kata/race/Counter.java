package kata.race;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final ReentrantLock lock = new ReentrantLock();
    private int count;

    /** Adds one to the count. */
    public void increment() {
        lock.lock();
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

    /** Adds one only if there is still a free seat below {@code limit}, check and add under the lock. */
    public boolean incrementIfBelow(int limit) {
        lock.lock();
        try {
            int remaining = limit - count;
            if (remaining <= 0) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
