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
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        for (;;) {
            int current = count;
            if (current >= limit) {
                return false;
            }
            if (COUNT.compareAndSet(this, current, current + 1)) {
                return true;
            }
        }
    }
}
