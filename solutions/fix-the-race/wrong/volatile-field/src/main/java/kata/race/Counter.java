package kata.race;

/** Wrong: volatile makes every write visible, but count++ is still read, add, write. */
public class Counter {

    private volatile int count;

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
