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
        count++;
        lock.unlock();
    }

    /** The current count. */
    public int get() {
        lock.lock();
        int value = count;
        lock.unlock();
        return value;
    }

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public boolean incrementIfBelow(int limit) {
        lock.lock();
        if (count >= limit) {
            return false;
        }
        count++;
        lock.unlock();
        return true;
    }
}
