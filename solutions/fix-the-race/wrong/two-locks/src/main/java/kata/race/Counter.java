package kata.race;

/** Wrong: each method is atomic on its own, but they guard the same count with different locks. */
public class Counter {

    private final Object limitLock = new Object();
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int get() {
        return count;
    }

    public boolean incrementIfBelow(int limit) {
        synchronized (limitLock) {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        }
    }
}
