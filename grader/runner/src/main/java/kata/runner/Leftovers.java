package kata.runner;

import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads a check left behind. A running one (an endless loop, a server still accepting) takes CPU
 * from every later check and can push it past its limit; a blocked one may hold a lock, even a
 * static one, that later checks need. Either way the next check would not be judged on its own,
 * so the runner starts a fresh JVM for the checks that remain.
 */
final class Leftovers {

    private static final long GRACE_NANOS = 200_000_000L;
    private static final long POLL_NANOS = 10_000_000L;

    private Leftovers() {
    }

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** True when threads started after {@code before} are still alive after a short grace. */
    static boolean remain(Set<Thread> before) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        while (anyAlive(before)) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }

    private static boolean anyAlive(Set<Thread> before) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
