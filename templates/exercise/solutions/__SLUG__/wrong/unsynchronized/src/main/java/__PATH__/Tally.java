package __PACKAGE__;

/** Wrong: no synchronization, so two additions can overlap and one is lost. */
public class Tally {

    private int total;

    public void add(int amount) {
        total += amount;
    }

    public int total() {
        return total;
    }
}
