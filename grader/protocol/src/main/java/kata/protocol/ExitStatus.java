package kata.protocol;

/** Exit statuses with which the runner halts the test JVM, distinct from the JVM's own (3 on OutOfMemoryError). */
public final class ExitStatus {

    /** A check ran out of time; the runner reported it before halting. */
    public static final int TIMED_OUT = 86;
    /** Threads outlived a check: the grader starts a fresh JVM for the checks that remain. */
    public static final int RESTART = 87;
    /** A check went over a runtime limit; the runner reported it before halting. */
    public static final int OVER_LIMIT = 88;

    private ExitStatus() {
    }
}
