package kata.race;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private static final AtomicIntegerFieldUpdater<Counter> COUNT =
            AtomicIntegerFieldUpdater.newUpdater(Counter.class, "count");

    /** Upper bound on compareAndSet attempts, so a caller cannot spin for ever under contention. */
    private static final int MAX_ATTEMPTS = 32;

    private volatile int count;

    /** Adds one to the count. */
    public void increment() {
        COUNT.incrementAndGet(this);
    }

    /** The current count. */
    public int get() {
        return count;
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step: however many
     * threads call it at once, the count never goes past the limit (think of selling the last seats
     * of a concert).
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int seen = count;
            if (seen >= limit) {
                return false;
            }
            if (COUNT.compareAndSet(this, seen, seen + 1)) {
                return true;
            }
        }
        return false; // too much contention: report no seat rather than spin
    }
}
