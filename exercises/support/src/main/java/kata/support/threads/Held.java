package kata.support.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Whether a test's own thread is held where it is: it cannot go on until another thread acts, or
 * it spins in place. Checks of bounds and waits use it to know that every thread they started has
 * got as far as it can ("all callers are inside the gate or held"), a state that must come and then
 * stays, instead of hoping that some time was enough.
 *
 * <p>A thread that is merely about to take a lock that was just released is not held: the JVM
 * still reports it as blocked (or parked) until it runs again, but it will get the lock without
 * anyone's help. Counting it as held would let a check look at a state that is about to change.
 */
final class Held {

    /**
     * CPU time after which a running thread that has got nowhere counts as spinning. A thread on its
     * way somewhere (into a gate, into a wait) needs microseconds, a busy-waiting one reaches this
     * within a fraction of a second even when it gets a small share of one CPU.
     */
    public static final Duration SPINNING_CPU = Duration.ofMillis(100);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Held() {
    }

    /**
     * True when the thread waits for another thread to act ({@link #waitsForAnother}) or spins
     * ({@link #spins}). Meant for threads the test started for this purpose: their CPU time is
     * all spent on the call under test.
     */
    public static boolean isHeld(Thread thread) {
        return waitsForAnother(thread) || spins(thread);
    }

    /**
     * True when the thread is blocked, waiting or sleeping for something only another thread or
     * the clock can end: a {@code wait()}, a condition, a permit, a latch, a sleep, or a lock that
     * another thread holds. False while it runs, and while it waits for a monitor or a
     * {@code ReentrantLock} that nobody holds (it is being handed the lock right now).
     */
    public static boolean waitsForAnother(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId());
        if (info == null) {
            return false;
        }
        return switch (info.getThreadState()) {
            case BLOCKED -> info.getLockOwnerId() != -1;
            case WAITING, TIMED_WAITING -> !takesAFreeLock(info);
            default -> false;
        };
    }

    /** True when the thread is running and has used at least {@link #SPINNING_CPU} of CPU time. */
    public static boolean spins(Thread thread) {
        return thread.getState() == Thread.State.RUNNABLE
                && Threads.cpuNanos(thread) >= SPINNING_CPU.toNanos();
    }

    /**
     * Parked to take a ReentrantLock that has no owner at this moment. (A read-write lock can be
     * free of an exclusive owner while readers hold it, so its waits count as held.)
     */
    private static boolean takesAFreeLock(ThreadInfo info) {
        return info.getLockInfo() != null && info.getLockOwnerId() == -1
                && info.getLockInfo().getClassName().startsWith("java.util.concurrent.locks.ReentrantLock$");
    }
}
