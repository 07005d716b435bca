package __PACKAGE__;

/**
 * A running total that many threads add to at once. (The skeleton of a new kata: replace it
 * with your own starting code, keeping methods that throw UnsupportedOperationException with a
 * note on what to write.)
 */
public class Tally {

    /** Adds the amount to the total. */
    public void add(int amount) {
        throw new UnsupportedOperationException("Tally.add(amount) is not written yet: add the amount so that"
                + " no addition is lost when several threads add at the same time.");
    }

    /** The total so far. */
    public int total() {
        throw new UnsupportedOperationException("Tally.total() is not written yet: return the total.");
    }
}
