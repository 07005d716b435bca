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

    /** Adds one only if the count is below {@code limit}, as one indivisible step. */
    public synchronized boolean incrementIfBelow(int limit) {
        if (count < limit) {
            count++;
            return true;
        }
        return false;
    }
}
