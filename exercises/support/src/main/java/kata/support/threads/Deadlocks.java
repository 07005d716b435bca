package kata.support.threads;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kata.support.PublicApi;
import kata.support.agent.StudentCode;

/**
 * Deadlock detection through {@link ThreadMXBean}: finds cycles of threads waiting for monitors
 * or {@code java.util.concurrent} locks held by each other, within milliseconds of the cycle
 * forming, and describes them for a student: who holds what, who waits for what, and where.
 *
 * <p>It cannot see waits on semaphores, conditions or latches (they have no owner); tests
 * detect those by lack of progress instead.
 */
@PublicApi
public final class Deadlocks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Deadlocks() {
    }

    /**
     * The locks the calling thread holds right now (monitors and {@code java.util.concurrent}
     * synchronizers such as a ReentrantLock), named by class for a student ("the monitor of a
     * Account", "a ReentrantLock"); empty when it holds none.
     */
    public static List<String> heldByCurrentThread() {
        ThreadInfo self = THREADS.getThreadInfo(new long[] {Thread.currentThread().getId()}, true, true)[0];
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : self.getLockedMonitors()) {
            held.add("the monitor of a " + simpleName(monitor.getClassName()));
        }
        for (LockInfo lock : self.getLockedSynchronizers()) {
            held.add("a " + simpleName(lock.getClassName()));
        }
        return held;
    }

    /** "ReentrantLock" for java.util.concurrent.locks.ReentrantLock$NonfairSync. */
    private static String simpleName(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return outer.substring(outer.lastIndexOf('.') + 1);
    }

    /** The deadlock cycle among these threads, described for a student; empty when there is none. */
    public static Optional<String> find(Collection<Thread> among, LockNames names) {
        long[] deadlocked = THREADS.isSynchronizerUsageSupported()
                ? THREADS.findDeadlockedThreads() : THREADS.findMonitorDeadlockedThreads();
        if (deadlocked == null) {
            return Optional.empty();
        }
        Set<Long> wanted = among.stream().map(Thread::getId).collect(Collectors.toSet());
        long[] ours = Arrays.stream(deadlocked).filter(wanted::contains).toArray();
        if (ours.length == 0) {
            return Optional.empty();
        }
        return Optional.of(describeCycle(infos(ours), names));
    }

    /**
     * A wait that cannot end, which the JVM's own detection misses because one side waits for an
     * event rather than a lock: {@code waiter} waits without a time limit (say, in
     * {@code Thread.join()} or on a latch) while holding a lock that one of {@code needed} (the
     * threads it waits for) is blocked on. Both are read in one snapshot of the JVM's threads.
     *
     * @return the two threads' description, holder first; empty when there is no such wait
     */
    public static Optional<String> holdsWhileWaiting(Thread waiter, Collection<Thread> needed, LockNames names) {
        long[] ids = new long[needed.size() + 1];
        ids[0] = waiter.getId();
        int i = 1;
        for (Thread thread : needed) {
            ids[i++] = thread.getId();
        }
        ThreadInfo[] infos = infos(ids);
        ThreadInfo holder = infos[0];
        if (holder == null || holder.getThreadState() != Thread.State.WAITING) {
            return Optional.empty();
        }
        for (int j = 1; j < infos.length; j++) {
            ThreadInfo blocked = infos[j];
            if (blocked != null && blocked.getLockOwnerId() == waiter.getId()) {
                return Optional.of("  \"" + holder.getThreadName() + "\" holds " + held(holder, names)
                        + "\n    and waits at " + where(holder.getStackTrace()) + " for \"" + blocked.getThreadName()
                        + "\"\n" + "  \"" + blocked.getThreadName() + "\" waits for " + waitedFor(blocked, names));
            }
        }
        return Optional.empty();
    }

    /** True when any of these threads is in a deadlock cycle. */
    public static boolean any(Collection<Thread> among) {
        return find(among, LockNames.none()).isPresent();
    }

    /** What each thread is doing: running where, or waiting for what and where; for hang reports. */
    public static String describe(Collection<Thread> threads, LockNames names) {
        long[] ids = threads.stream().filter(Thread::isAlive).mapToLong(Thread::getId).toArray();
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : infos(ids)) {
            if (info != null) {
                lines.add(describeOne(info, names));
            }
        }
        return String.join("\n", lines);
    }

    private static ThreadInfo[] infos(long[] ids) {
        return THREADS.getThreadInfo(ids, THREADS.isObjectMonitorUsageSupported(),
                THREADS.isSynchronizerUsageSupported());
    }

    private static String describeCycle(ThreadInfo[] infos, LockNames names) {
        StringBuilder text = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (ThreadInfo info : infos) {
            if (info == null || !seen.add(info.getThreadName())) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append("  \"").append(info.getThreadName()).append("\" holds ")
                    .append(held(info, names))
                    .append("\n    and waits for ").append(waitedFor(info, names));
        }
        return text.toString();
    }

    private static String describeOne(ThreadInfo info, LockNames names) {
        String where = where(info.getStackTrace());
        return switch (info.getThreadState()) {
            case BLOCKED, WAITING, TIMED_WAITING -> "  \"" + info.getThreadName() + "\" is "
                    + stateWord(info.getThreadState()) + " at " + where
                    + (info.getLockInfo() == null ? "" : " waiting for " + lockName(info, names) + heldBy(info));
            default -> "  \"" + info.getThreadName() + "\" is still running at " + where;
        };
    }

    private static String stateWord(Thread.State state) {
        return switch (state) {
            case BLOCKED -> "blocked";
            case TIMED_WAITING -> "waiting with a timeout";
            default -> "waiting";
        };
    }

    private static String held(ThreadInfo info, LockNames names) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            StackTraceElement frame = monitor.getLockedStackFrame();
            // The frame's line is where it is now, not where it locked: name the method instead.
            held.add(names.name(monitor) + (frame == null ? "" : " (taken in " + method(frame) + ")"));
        }
        for (LockInfo lock : info.getLockedSynchronizers()) {
            held.add(names.name(lock));
        }
        return held.isEmpty() ? "no lock" : String.join(" and ", held);
    }

    private static String waitedFor(ThreadInfo info, LockNames names) {
        return lockName(info, names) + " at " + where(info.getStackTrace()) + heldBy(info);
    }

    private static String lockName(ThreadInfo info, LockNames names) {
        LockInfo lock = info.getLockInfo();
        return lock == null ? "nothing it can name" : names.name(lock);
    }

    private static String heldBy(ThreadInfo info) {
        return info.getLockOwnerName() == null ? "" : ", held by \"" + info.getLockOwnerName() + "\"";
    }

    /** The student's line in a stack, or the top frame when no student frame is there. */
    public static String where(StackTraceElement[] stack) {
        StackTraceElement frame = StudentCode.firstStudentFrame(stack);
        if (frame == null && stack.length > 0) {
            frame = stack[0];
        }
        return frame == null ? "an unknown place" : StudentCode.location(frame);
    }

    private static String method(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
