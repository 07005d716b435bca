package kata.race;

import java.util.concurrent.locks.StampedLock;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 *
 * <p>One {@link StampedLock} guards the count: writers hold its write lock, {@code get()} its read
 * lock, and {@code incrementIfBelow} checks under the read lock and upgrades only when it will add.
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
        long stamp = lock.readLock();
        try {
            return count;
        } finally {
            lock.unlockRead(stamp);
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
        long stamp = lock.readLock();
        try {
            while (count < limit) {
                long writeStamp = lock.tryConvertToWriteLock(stamp);
                if (writeStamp != 0L) {
                    stamp = writeStamp;
                    count++;
                    return true;
                }
                // another reader is inside: give up the read lock, wait for the write lock, and
                // check the limit again, since the count may have changed in between
                lock.unlockRead(stamp);
                stamp = lock.writeLock();
            }
            return false;
        } finally {
            lock.unlock(stamp);
        }
    }
}
