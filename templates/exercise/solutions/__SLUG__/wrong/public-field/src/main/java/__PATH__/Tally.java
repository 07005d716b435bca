package __PACKAGE__;

/** Wrong: the methods are synchronized, but anyone can change the total without the lock. */
public class Tally {

    public int total;

    public synchronized void add(int amount) {
        total += amount;
    }

    public synchronized int total() {
        return total;
    }
}
