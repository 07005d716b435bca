package kata.race;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    /**
     * Written only under this object's lock; volatile so that {@link #get()} can read it without
     * the lock and still see the latest write.
     */
    private volatile int count;

    /** Adds one to the count. */
    public synchronized void increment() {
        count = count + 1;
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
    public synchronized boolean incrementIfBelow(int limit) {
        int current = count;
        if (current < limit) {
            count = current + 1;
            return true;
        }
        return false;
    }
}
