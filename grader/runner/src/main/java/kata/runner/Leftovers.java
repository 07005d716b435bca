package kata.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads a check left behind. A running one (an endless loop, a server still accepting) takes CPU
 * from every later check and can push it past its limit; a blocked one may hold a lock, even a
 * static one, that later checks need, or wake on a timer to run student code. Either way the next
 * check would not be judged on its own, so the runner starts a fresh JVM for the checks that remain.
 * Except for inert threads: waiting without a deadline, in the JDK's or the harness's code only (an
 * idle pool's workers that no one shut down), holding no lock. They take no CPU and no lock, and
 * nothing a later check can reach wakes them; a fresh JVM for them cost a wrong solution about a
 * second per check that leaked a pool.
 */
final class Leftovers {

    private static final long GRACE_NANOS = 200_000_000L;
    private static final long POLL_NANOS = 10_000_000L;

    private Leftovers() {
    }

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Where an inert thread's frames may be: the JDK and the harness, never a student's or a check's class. */
    private static final List<String> INERT_CODE = List.of("java.", "jdk.", "sun.", "kata.support.");

    /**
     * True when threads started after {@code before} are still alive after a short grace, and some
     * of them are not inert.
     */
    static boolean remain(Set<Thread> before) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        while (!alive(before).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return !alive(before).stream().allMatch(Leftovers::inert);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }

    private static List<Thread> alive(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive()).toList();
    }

    private static boolean inert(Thread thread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo info = threads.getThreadInfo(new long[] {thread.getId()}, true, true, Integer.MAX_VALUE)[0];
        if (info == null) {
            return true; // ended meanwhile
        }
        return info.getThreadState() == Thread.State.WAITING && info.getLockedMonitors().length == 0
                && info.getLockedSynchronizers().length == 0
                && Arrays.stream(info.getStackTrace()).allMatch(frame -> INERT_CODE.stream()
                        .anyMatch(frame.getClassName()::startsWith));
    }
}
