package kata.race;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    /** The count as an immutable value; replaced as a whole, never changed in place. */
    private final AtomicReference<Integer> count = new AtomicReference<>(0);

    /** Adds one to the count. */
    public void increment() {
        count.updateAndGet(c -> c + 1);
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
        while (true) {
            Integer seen = count.get();           // keep the reference: compareAndSet compares references
            if (seen >= limit) {
                return false;
            }
            if (count.compareAndSet(seen, seen + 1)) {
                return true;
            }
        }
    }
}
