package kata.race;

/** Wrong: the methods are synchronized, but anyone can change the count without the lock. */
public class Counter {

    public int count;

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
