package kata.runner;

import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads a check left behind. Blocked or waiting ones cost nothing; running ones (a student's
 * endless loop, a server still accepting) would take CPU from every later check and could push
 * it past its time limit, so the runner starts a fresh JVM for the checks that remain.
 */
final class Leftovers {

    private static final long GRACE_NANOS = 200_000_000L;
    private static final long POLL_NANOS = 10_000_000L;

    private Leftovers() {
    }

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** True when threads started after {@code before} are still running after a short grace. */
    static boolean stillRunning(Set<Thread> before) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        while (anyRunning(before)) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }

    private static boolean anyRunning(Set<Thread> before) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread.isAlive() && thread.getState() == Thread.State.RUNNABLE) {
                return true;
            }
        }
        return false;
    }
}
