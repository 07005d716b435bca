package kata.race;

import java.util.concurrent.locks.StampedLock;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final StampedLock lock = new StampedLock();
    private int count;

    /** Adds one to the count. */
    public void increment() {
        long stamp = lock.writeLock();
        try {
            count++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The current count. */
    public int get() {
        long stamp = lock.tryOptimisticRead();
        int value = count;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                value = count;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return value;
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        long stamp = lock.writeLock();
        try {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
