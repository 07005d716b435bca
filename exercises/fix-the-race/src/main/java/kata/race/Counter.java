package kata.race;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    /** Adds one to the count. */
    public void increment() {
        throw new UnsupportedOperationException("Counter.increment() is not written yet: add one to the count"
                + " so that no increment is lost when several threads call it at the same time.");
    }

    /** The current count. */
    public int get() {
        throw new UnsupportedOperationException("Counter.get() is not written yet: return the current count.");
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step: however many
     * threads call it at once, the count never goes past the limit (think of selling the last seats
     * of a concert).
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        throw new UnsupportedOperationException("Counter.incrementIfBelow(limit) is not written yet: check and"
                + " add as one indivisible step, so that the count never passes the limit.");
    }
}
