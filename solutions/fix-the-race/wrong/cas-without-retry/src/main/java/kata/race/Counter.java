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

    /** Adds one to the count. */
    public void increment() {
        count.incrementAndGet();
    }

    /** The current count. */
    public int get() {
        return count.get();
    }

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public boolean incrementIfBelow(int limit) {
        int seen = count.get();
        if (seen >= limit) {
            return false;
        }
        return count.compareAndSet(seen, seen + 1);
    }
}
