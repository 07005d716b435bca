package kata.race;

/**
 * Reference solution: every method holds the counter's own lock, so each read-add-write and each
 * check-then-add happens as one indivisible step, and a thread that takes the lock sees every
 * write made before the previous holder released it.
 */
public class Counter {

    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int get() {
        return count;
    }

    public synchronized boolean incrementIfBelow(int limit) {
        if (count < limit) {
            count++;
            return true;
        }
        return false;
    }
}
