package kata.race;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Lock-free: a volatile count changed only through an {@link AtomicIntegerFieldUpdater}.
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
        return COUNT.get(this);
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step: the add is a
     * compare-and-set from the value that passed the check. If the compare-and-set fails, another
     * buyer got in first: read the new count, check the limit again and try again.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        int seen = COUNT.get(this);
        if (seen >= limit) {
            return false;
        }
        if (COUNT.compareAndSet(this, seen, seen + 1)) {
            return true;
        }
        // Someone else changed the count between our read and our add: look again.
        seen = COUNT.get(this);
        if (seen >= limit) {
            return false;
        }
        return COUNT.compareAndSet(this, seen, seen + 1);
    }
}
