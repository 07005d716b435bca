package kata.race;

/** What the fix-the-race checks tell a student when they fail: what was observed, and why. */
final class RaceFeedback {

    static final String MAKE_ATOMIC = "Make the read-add-write one indivisible step: a synchronized method,"
            + " a java.util.concurrent.locks.Lock, or AtomicInteger.incrementAndGet().";

    private RaceFeedback() {
    }

    static String lostIncrements(int threads, int each, int count) {
        int expected = threads * each;
        return threads + " threads each called increment() " + each + " times, so the count should be "
                + expected + ", but it is " + count + " (" + (expected - count) + " increments lost).\n"
                + "This is the seed's race: two threads read the same old count, both add one, and the"
                + " second write overwrites the first.\n" + MAKE_ATOMIC;
    }

    static String lostOneOfTwo(int count) {
        return "Two threads each called increment() once, at the same time, and the count is " + count
                + ", not 2: one increment was lost.\nBoth threads read the count before either wrote it back"
                + " (see the steps below). " + MAKE_ATOMIC;
    }

    static String limitPassed(int count, int successes) {
        return "Two threads called incrementIfBelow(1) at the same time on a new counter: " + successes
                + " of them returned true and the count is " + count + ". Exactly one call may succeed and"
                + " the count must end at 1.\nEach thread checked that the count was below the limit before"
                + " either added one (check-then-act). Checking and adding must be one indivisible step:"
                + " do both while holding one lock, or use a compareAndSet loop.";
    }

    static String mixedLostUpdate(boolean limitedSucceeded, int count) {
        int expected = limitedSucceeded ? 2 : 1;
        return "increment() and incrementIfBelow(1) ran at the same time on a new counter; incrementIfBelow"
                + " returned " + limitedSucceeded + ", so the count should be " + expected + ", but it is "
                + count + ": an update was lost.\nBoth methods change the same count, so they must exclude"
                + " each other: guard both with the same lock, or use the same atomic variable in both.";
    }

    static String oversold(int buyers, int concerts, int wrongCounts, int sold) {
        return buyers + " buyers each called incrementIfBelow(1) once on each of " + concerts + " new counters"
                + " (concerts with one seat): every counter should end at 1, with " + concerts + " calls"
                + " returning true in all, but " + wrongCounts + " counters did not end at 1 and " + sold
                + " calls returned true.\nTwo buyers both saw a free seat before either took it: the check and"
                + " the add must be one indivisible step.";
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }
}
