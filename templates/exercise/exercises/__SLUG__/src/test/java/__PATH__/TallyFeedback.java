package __PACKAGE__;

/** What the checks tell a student: what was observed, and what it points to. */
final class TallyFeedback {

    private TallyFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String lostAddition(int expected, int total) {
        return "Two threads added at the same time and the total is " + total + ", not " + expected
                + ": an addition was lost. Both threads read the total before either wrote it back (see"
                + " the steps below). Make the read-add-write one indivisible step: synchronized, a Lock,"
                + " or an AtomicInteger.";
    }

    static String lostAdditions(int expected, int total) {
        return "Threads added " + expected + " in all, but the total is " + total + " ("
                + (expected - total) + " lost). Make the read-add-write one indivisible step.";
    }
}
