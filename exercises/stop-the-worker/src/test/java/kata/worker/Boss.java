package kata.worker;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
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

    private final FutureTask<T> script;
    private final Thread thread;

    private Boss(Callable<T> body) {
        script = new FutureTask<>(body);
        thread = new Thread(script, NAME);
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
        Thread.State state = thread.getState();
        boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
        return waiting && isIn(method);
    }

    /**
     * True while the boss waits without a time limit (or is blocked on a lock) inside
     * {@code Worker.<method>}: a wait with a timeout may end before the worker does.
     */
    boolean isWaitingWithoutTimeoutIn(String method) {
        Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.BLOCKED) && isIn(method);
    }

    /** True while {@code Worker.<method>} is on the boss's stack. */
    boolean isIn(String method) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                frame.getClassName().equals(Worker.class.getName()) && frame.getMethodName().equals(method));
    }

    /**
     * The script's result, waiting at most {@code bound} for it. Fails the check with the text of
     * {@code whenLate} if it takes longer, or with what the worker code threw.
     */
    T result(Duration bound, Supplier<String> whenLate) throws InterruptedException {
        try {
            return script.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            return fail(whenLate.get() + WorkerFeedback.whereIs(thread));
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            // Assertions of the script, and the stub's "not written yet", speak for themselves.
            if (cause instanceof AssertionError error) {
                throw error;
            }
            if (cause instanceof UnsupportedOperationException notWritten) {
                throw notWritten;
            }
            return fail(WorkerFeedback.threw(cause), cause);
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
