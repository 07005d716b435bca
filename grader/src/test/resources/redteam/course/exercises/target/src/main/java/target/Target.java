package target;

/** The exercise every red-team submission attacks. */
public class Target {

    public int answer() {
        throw new UnsupportedOperationException("Target.answer() is not written yet.");
    }

    /** Returns the number of units of work done: 7. */
    public int work() {
        throw new UnsupportedOperationException("Target.work() is not written yet.");
    }
}
