package kata.worker;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The thread that owns the worker in a check: it calls start() and stop(). The check watches it
 * from outside, so that a stop() that never returns (the worker never saw the request) makes the
 * check fail with a message instead of hanging it.
 *
 * @param <T> what the boss's script returns
 */
final class Boss<T> {

    static final String NAME = "boss";
    /** How often {@link #result} looks for a problem while it waits. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FutureTask<T> script;
    private final Thread thread;

    private Boss(Callable<T> body) {
        script = new FutureTask<>(body);
        thread = new BossThread(script);
        thread.setDaemon(true);
    }

    /** Starts a boss thread that runs the script. */
    static <T> Boss<T> start(Callable<T> body) {
        Boss<T> boss = prepare(body);
        boss.go();
        return boss;
    }

    /** A boss whose thread is made but not started: see {@link #go()}. */
    static <T> Boss<T> prepare(Callable<T> body) {
        return new Boss<>(body);
    }

    /** Starts the boss's thread. */
    void go() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return script.isDone();
    }

    /** True while the boss is blocked or waiting somewhere inside {@code Worker.<method>}. */
    boolean isWaitingIn(String method) {
        return isIn(method, Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED);
    }

    /**
     * True while the boss waits without a time limit (or is blocked on a lock) inside
     * {@code Worker.<method>}: a wait with a timeout may end before the worker does.
     */
    boolean isWaitingWithoutTimeoutIn(String method) {
        return isIn(method, Thread.State.WAITING, Thread.State.BLOCKED);
    }

    /**
     * True while the boss is in one of these states inside {@code Worker.<method>}, both read in one
     * snapshot: a state read apart from the stack may be that of a moment before (the boss still
     * WAITING for its cue while it already runs the first line of stop(), before its request).
     */
    private boolean isIn(String method, Thread.State... states) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId(), Integer.MAX_VALUE);
        return info != null && Arrays.asList(states).contains(info.getThreadState())
                && Arrays.stream(info.getStackTrace()).anyMatch(frame -> isWorkerMethod(frame, method));
    }

    private static boolean isWorkerMethod(StackTraceElement frame, String method) {
        return frame.getClassName().equals(Worker.class.getName()) && frame.getMethodName().equals(method);
    }

    /** True while {@code Worker.<method>} is on the boss's stack. */
    boolean isIn(String method) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> isWorkerMethod(frame, method));
    }

    /**
     * The script's result, waiting at most {@code bound} for it. Fails the check with the text of
     * {@code whenLate} if it takes longer, or with what the worker code threw; at once if stop()
     * waits holding a lock that a worker needs.
     */
    T result(Duration bound, Supplier<String> whenLate) throws InterruptedException {
        return result(StopProblems.locksOnly(this), bound, whenLate);
    }

    /**
     * The result of a script that stops the worker doing {@code chore}: as {@link #result}, and
     * fails at once if that worker goes on with its rounds once the boss is in stop().
     */
    T resultOfStop(TestChore chore, Duration bound, Supplier<String> whenLate) throws InterruptedException {
        return result(StopProblems.of(this, chore), bound, whenLate);
    }

    private T result(StopProblems problems, Duration bound, Supplier<String> whenLate) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (true) {
                try {
                    return script.get(Math.min(LOOK_EVERY.toNanos(), Math.max(0, deadline - System.nanoTime())),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    Optional<String> problem = problems.now();
                    if (problem.isPresent()) {
                        return fail(problem.get());
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return fail(whenLate.get() + WorkerFeedback.whereIs(thread));
                    }
                }
            }
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            // Assertions of the script, and the stub's "not written yet", speak for themselves.
            if (cause instanceof RanOnCaller) {
                return fail(WorkerFeedback.ranOnCaller(NAME));
            }
            if (cause instanceof AssertionError error) {
                throw error;
            }
            if (cause instanceof UnsupportedOperationException notWritten) {
                throw notWritten;
            }
            return fail(WorkerFeedback.threw(cause), cause);
        }
    }

    /** True if the current thread is a boss: the chore must never run on one. */
    static boolean isBossThread() {
        return Thread.currentThread() instanceof BossThread;
    }

    /** A boss's own thread type, so that the chore knows when it is called on one. */
    private static final class BossThread extends Thread {
        BossThread(Runnable script) {
            super(script, NAME);
        }
    }

    /**
     * Thrown by the chore's begin() on a boss's thread: start() ran the worker on its caller. It
     * ends the boss at once, where the worker's loop would keep it busy for good.
     */
    static final class RanOnCaller extends Error {
        RanOnCaller() {
            super("the chore's begin() was called on the thread that called start()", null, false, false);
        }
    }

    /** Ends the boss after a check: interrupts it if it is still busy and waits for it a while. */
    void end() throws InterruptedException {
        if (!script.isDone()) {
            thread.interrupt();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
