package kata.support.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.stream.Collectors;
import kata.support.PublicApi;

/** Facts about threads that checks need: who is waiting, how much CPU a thread used, who is new. */
@PublicApi
public final class Threads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Threads() {
    }

    /** True when the thread is blocked or waiting (not running, not finished). */
    public static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
    }

    /** CPU time the thread has used so far, in nanoseconds (-1 when the JVM cannot tell). */
    public static long cpuNanos(Thread thread) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : -1;
    }

    /** Every live thread of the JVM. */
    public static Set<Thread> alive() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** The live threads that are not in {@code before}: those started since it was taken. */
    public static Set<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * True if the thread is an idle worker of a {@code ThreadPoolExecutor} that nobody shut down:
     * it waits in the pool for a task and is not interrupted. {@code shutdown()} interrupts every
     * idle worker before it returns, and a worker that finishes its task after that exits instead
     * of waiting; so, asked once the code that should have shut the pool down has returned, a true
     * answer means the thread waits for work that never comes. The interrupt status is read first,
     * so a worker woken by the shutdown in between is never taken for an idle one.
     */
    public static boolean idleInLivePool(Thread thread) {
        if (thread.isInterrupted()) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && frame.getMethodName().equals("getTask")) {
                return true;
            }
        }
        return false;
    }

    /** Names of threads, sorted, for messages: ["pool-1", "pool-2"]. */
    public static String names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList().toString();
    }
}
