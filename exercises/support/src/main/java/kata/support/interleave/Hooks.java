package kata.support.interleave;

/**
 * Called from the student's instrumented bytecode at every scheduling point. Outside a controlled
 * execution this is a single volatile read; inside one, the calling thread asks the schedule
 * whether it may go on. Never throws: student code must not see exceptions it did not cause.
 */
public final class Hooks {

    static volatile Execution active;

    private Hooks() {
    }

    public static void point(int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, null, Execution.Point.PLAIN);
        }
    }

    /** After an operation that may have woken another thread: unlock, signal, release, wait. */
    public static void releasePoint(int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, null, Execution.Point.RELEASE);
        }
    }

    /** Before {@code Thread.onSpinWait()} or {@code Thread.yield()}: the thread waits for others. */
    public static void yieldHint(int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, null, Execution.Point.YIELD);
        }
    }

    public static void lockPoint(Object monitor, int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, monitor, Execution.Point.PLAIN);
        }
    }
}
