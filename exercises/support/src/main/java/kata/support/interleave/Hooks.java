package kata.support.interleave;

/**
 * Called from the student's instrumented bytecode at every scheduling point. Outside a controlled
 * execution each hook is a single volatile read (and {@code waitOn} a plain {@code wait}); inside
 * one, the calling thread asks the schedule whether it may go on. The hooks never throw anything
 * the student's code did not cause.
 */
public final class Hooks {

    static volatile Execution active;

    private Hooks() {
    }

    /** Before a shared access or a call that cannot block. */
    public static void point(int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, null, Execution.Point.PLAIN);
        }
    }

    /** Before a call that may block: a lock, an await, an acquire, a take, a join, a sleep. */
    public static void blockingCall(int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onPoint(site, null, Execution.Point.BLOCKING_CALL);
        }
    }

    /** After an operation that may have woken another thread: unlock, signal, release. */
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

    /** Before {@code monitorenter}. */
    public static void monitorEnter(Object monitor, int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onMonitorEnter(monitor, site);
        }
    }

    /** After {@code monitorenter}. */
    public static void monitorEntered(Object monitor, int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onMonitorEntered(monitor, site);
        }
    }

    /** After {@code monitorexit}. */
    public static void monitorExited(Object monitor, int site) {
        Execution execution = active;
        if (execution != null) {
            execution.onMonitorExited(monitor, site);
        }
    }

    /** In place of {@code monitor.wait()}. */
    public static void waitOn(Object monitor, int site) throws InterruptedException {
        waitOn(monitor, 0L, 0, site);
    }

    /** In place of {@code monitor.wait(millis)}. */
    public static void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        waitOn(monitor, millis, 0, site);
    }

    /** In place of {@code monitor.wait(millis, nanos)}. */
    public static void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        Execution execution = active;
        if (execution != null) {
            execution.waitOn(monitor, millis, nanos, site);
        } else {
            monitor.wait(millis, nanos);
        }
    }
}
