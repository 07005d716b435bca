package kata.race;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final AtomicInteger count = new AtomicInteger();

    /** Adds one to the count. Atomic on its own: no lock needed. */
    public void increment() {
        count.incrementAndGet();
    }

    /** The current count. */
    public int get() {
        return count.get();
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step: however many
     * threads call it at once, the count never goes past the limit (think of selling the last seats
     * of a concert).
     *
     * <p>The check and the add are two steps, so they run together under the lock.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public synchronized boolean incrementIfBelow(int limit) {
        if (count.get() < limit) {
            count.incrementAndGet();
            return true;
        }
        return false;
    }
}
