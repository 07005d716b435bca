package kata.race;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private final Object lock = new Object();
    private int count;

    /** Adds one to the count. */
    public void increment() {
        synchronized (lock) {
            count++;
        }
    }

    /** The current count. */
    public int get() {
        synchronized (lock) {
            return count;
        }
    }

    /**
     * Adds one only if the count is below {@code limit}, as one indivisible step.
     *
     * @return true if this call added one, false if the count had already reached the limit
     */
    public boolean incrementIfBelow(int limit) {
        synchronized (lock) {
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }
    }
}
