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

    /** The current count. Reading an int is atomic, so the cheapest read is enough here. */
    public int get() {
        return count.getPlain();
    }

    /** Adds one only if the count is below {@code limit}, with a compare-and-set retry loop. */
    public boolean incrementIfBelow(int limit) {
        while (true) {
            int seen = count.get();
            if (seen >= limit) {
                return false;
            }
            if (count.compareAndSet(seen, seen + 1)) {
                return true;
            }
        }
    }
}
