package __PACKAGE__;

/** Wrong: volatile gives visibility, not atomicity. */
public class Tally {

    private volatile int total;

    public void add(int amount) {
        total += amount;
    }

    public int total() {
        return total;
    }
}
