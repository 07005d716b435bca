package kata.race;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final AtomicInteger count = new AtomicInteger(0);

    /** Adds one to the count. */
    public void increment() {
        count.getAndIncrement();
    }

    /** The current count. */
    public int get() {
        return count.get();
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        int before = count.getAndUpdate(c -> c < limit ? c + 1 : c);
        return before < limit;
    }
}
