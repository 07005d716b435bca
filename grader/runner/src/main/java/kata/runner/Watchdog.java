package kata.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import kata.protocol.ExitStatus;
import kata.protocol.Timing;
import kata.support.agent.StudentCode;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/**
 * Enforces each check's time limit from inside the test JVM, where it can still see the threads:
 * when a check runs out of time it reports a deadlock cycle if there is one, or where the
 * student's threads are, and then halts the JVM (the grader restarts one for the next checks).
 * It enforces the {@link RuntimeLimits} the same way, looking every few milliseconds while a check
 * runs and once more when it ends.
 */
final class Watchdog {

    private static final long POLL_NANOS = 10_000_000L;
    private static final int MAX_THREADS_SHOWN = 8;

    private record Armed(String checkId, long deadlineNanos, long startNanos, long limitMillis,
                         java.util.Set<Thread> before) {
    }

    private final Protocol protocol;
    private final OutputCapture capture;
    private final RuntimeLimits limits;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final Thread thread;

    Watchdog(Protocol protocol, OutputCapture capture) {
        this.protocol = protocol;
        this.capture = capture;
        this.limits = new RuntimeLimits(capture);
        this.thread = new Thread(this::watch, "kata-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /**
     * Arms for a check about to be launched. Until {@link #checkStarted()} the deadline also allows
     * for JUnit's discovery and start-up ({@link Timing#STARTUP_ALLOWANCE_MILLIS}).
     */
    void arm(String checkId, long limitMillis, java.util.Set<Thread> before) {
        long now = System.nanoTime();
        armed.set(new Armed(checkId, now + (limitMillis + Timing.STARTUP_ALLOWANCE_MILLIS) * 1_000_000L, now,
                limitMillis, before));
        LockSupport.unpark(thread);
    }

    /** Threads earlier checks left idle for good: they count against no later check's thread limit. */
    void keep(int threads) {
        limits.keep(threads);
    }

    /** The idle threads kept so far. */
    int kept() {
        return limits.kept();
    }

    /** The check's own code starts now: its limit counts from here. */
    void checkStarted() {
        Armed current = armed.get();
        if (current != null) {
            long now = System.nanoTime();
            Armed started = new Armed(current.checkId(), now + current.limitMillis() * 1_000_000L, now,
                    current.limitMillis(), current.before());
            if (armed.compareAndSet(current, started)) {
                LockSupport.unpark(thread);
            }
        }
    }

    /**
     * Returns false when the watchdog already fired for this check (it will halt the JVM). Halts
     * the JVM itself when the check ended over a limit the watchdog had not yet seen.
     */
    boolean disarm() {
        Armed current = armed.get();
        if (current != null) {
            limits.exceeded().ifPresent(reason -> overLimit(current, reason));
        }
        return armed.getAndSet(null) != null;
    }

    private void watch() {
        while (true) {
            Armed current = armed.get();
            if (current == null) {
                LockSupport.park(this);
                continue;
            }
            long remaining = current.deadlineNanos() - System.nanoTime();
            if (remaining > 0) {
                limits.exceeded().ifPresent(reason -> overLimit(current, reason));
                LockSupport.parkNanos(this, Math.min(remaining, POLL_NANOS));
                continue;
            }
            if (armed.compareAndSet(current, null)) {
                fire(current, "Did not finish within " + seconds(current.limitMillis()) + ". "
                        + whatIsRunning(current.before()), ExitStatus.TIMED_OUT);
            }
        }
    }

    private void overLimit(Armed check, String reason) {
        if (armed.compareAndSet(check, null)) {
            fire(check, reason, ExitStatus.OVER_LIMIT);
        }
    }

    private void fire(Armed check, String message, int exitStatus) {
        long duration = (System.nanoTime() - check.startNanos()) / 1_000_000;
        protocol.result(check.checkId(), Verdict.failed(message), duration, capture.take());
        Runtime.getRuntime().halt(exitStatus);
    }

    /** Threads left over from earlier checks (say, a deadlock already reported) are not this check's. */
    private static String whatIsRunning(java.util.Set<Thread> before) {
        List<Thread> students = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (before.contains(entry.getKey()) && entry.getKey() != mainThread()) {
                continue;
            }
            started.add(entry.getKey());
            if (StudentCode.firstStudentFrame(entry.getValue()) != null) {
                students.add(entry.getKey());
            }
        }
        Optional<String> deadlock = Deadlocks.find(started, LockNames.none());
        if (deadlock.isPresent()) {
            return "The threads are deadlocked, each waiting for a lock another one holds:\n" + deadlock.get();
        }
        if (students.isEmpty()) {
            return "No thread was running your code at that moment.";
        }
        List<Thread> shown = students.subList(0, Math.min(MAX_THREADS_SHOWN, students.size()));
        String more = students.size() > shown.size()
                ? "\n  ... and " + (students.size() - shown.size()) + " more threads in your code" : "";
        return "Threads still in your code:\n" + Deadlocks.describe(shown, LockNames.none()) + more;
    }

    private static Thread mainThread() {
        return RunnerMain.mainThread();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
