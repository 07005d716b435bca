package kata.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Threads a check left behind. A running one (an endless loop, a server still accepting) takes CPU
 * from every later check and can push it past its limit; a blocked one may hold a lock, even one of
 * the JDK's, that later checks need. Either way the next check would not be judged on its own, so
 * the runner starts a fresh JVM for the checks that remain. Only threads that are idle for good
 * stay: each waits without a time limit, holds no lock and used no CPU while looked at. Nothing the
 * later checks do can wake them, as those checks get fresh copies of the classes (the runner's new
 * loaders), and starting a JVM costs far more than the memory they keep.
 */
final class Leftovers {

    private static final long GRACE_NANOS = 200_000_000L;
    private static final long POLL_NANOS = 10_000_000L;
    /** How long an idle thread is watched for any CPU use. */
    private static final long LOOK_NANOS = 20_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Leftovers() {
    }

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** The threads started after {@code before} that are still alive after a short grace. */
    static Set<Thread> remaining(Set<Thread> before) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        Set<Thread> alive = startedSince(before);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            alive = startedSince(before);
        }
        return alive;
    }

    /**
     * True when each thread waits without a time limit, holds no monitor and no lock, and uses no CPU
     * over a short look (one that ended meanwhile counts as idle), and is a plain {@link Thread} or
     * one of the checks' or the student's classes: not a thread of a pool the JDK shares across the
     * JVM (the common fork-join pool), which a later check could wake and count as its own.
     */
    static boolean idleForGood(Set<Thread> threads) {
        if (!threads.stream().allMatch(Leftovers::ownedByItsStarter)) {
            return false;
        }
        long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
        long[] cpuBefore = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            cpuBefore[i] = THREADS.getThreadCpuTime(ids[i]);
        }
        LockSupport.parkNanos(LOOK_NANOS);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, true, true);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null) {
                continue;
            }
            if (info.getThreadState() != Thread.State.WAITING || info.getLockedMonitors().length > 0
                    || info.getLockedSynchronizers().length > 0
                    || THREADS.getThreadCpuTime(ids[i]) != cpuBefore[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ownedByItsStarter(Thread thread) {
        ClassLoader loader = thread.getClass().getClassLoader();
        return thread.getClass() == Thread.class
                || loader != null && loader != ClassLoader.getPlatformClassLoader()
                && loader != ClassLoader.getSystemClassLoader();
    }

    private static Set<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
