package kata.race;

/**
 * A counter that many threads update at the same time, like the seed's shared counter.
 *
 * <p>Every method must be safe to call from any number of threads at once: no increment may be
 * lost, and {@link #incrementIfBelow(int)} must never let the count pass its limit.
 */
public class Counter {

    private Integer count = 0;

    /** Adds one to the count. */
    public void increment() {
        synchronized (count) {
            count++;
        }
    }

    /** The current count. */
    public int get() {
        synchronized (count) {
            return count;
        }
    }

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public boolean incrementIfBelow(int limit) {
        synchronized (count) {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        }
    }
}
