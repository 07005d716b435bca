package kata.race;

/** Wrong: no synchronization at all; count++ is a read, an add and a write. */
public class Counter {

    private int count;

    public void increment() {
        count++;
    }

    public int get() {
        return count;
    }

    public boolean incrementIfBelow(int limit) {
        if (count < limit) {
            count++;
            return true;
        }
        return false;
    }
}
