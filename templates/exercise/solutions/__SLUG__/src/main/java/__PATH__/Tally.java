package __PACKAGE__;

/** Reference solution: one lock around every read and write of the total. */
public class Tally {

    private int total;

    public synchronized void add(int amount) {
        total += amount;
    }

    public synchronized int total() {
        return total;
    }
}
