package kata.limit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.threads.Deadlocks;
import kata.support.threads.Held;
import kata.support.threads.LockNames;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The test's own threads, each making one call to the limiter, and how each call ended. Closing
 * interrupts and joins the ones still alive, so that a check that fails midway leaves nothing
 * running.
 */
final class Callers implements AutoCloseable {

    /** One call to the limiter. */
    @FunctionalInterface
    interface Call {
        void call() throws Exception;
    }

    /**
     * How long a state that must come may take. It comes within milliseconds; only a bug (a caller
     * that never gets in, never gives up) reaches this bound, so it is no timing assumption.
     */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private record Caller(Thread thread, AtomicReference<Throwable> thrown) {
    }

    private final List<Caller> callers;

    private Callers(List<Caller> callers) {
        this.callers = callers;
    }

    /** Starts {@code count} threads named {@code name-1, name-2, ...} (just {@code name} for one). */
    static Callers start(String name, int count, Call call) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        List<Caller> callers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    call.call();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, count == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            callers.add(new Caller(thread, thrown));
        }
        callers.forEach(caller -> caller.thread().start());
        return new Callers(List.copyOf(callers));
    }

    /**
     * Waits until every caller has got as far as it can: finished, or held (inside a closed gate,
     * waiting for a permit, or spinning). With no permit freed meanwhile, that state stays.
     */
    void awaitSettled() {
        try {
            Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(this::settled);
        } catch (ConditionTimeoutException timedOut) {
            fail(LimiterFeedback.neverSettled(PATIENCE, Deadlocks.describe(alive(), LockNames.none())));
        }
    }

    /** Waits at most {@code patience} for every caller to finish; true if they all did. */
    boolean awaitFinished(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Caller caller : callers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(caller.thread(), left);
            }
        }
        return alive().isEmpty();
    }

    /** The callers that have finished (returned or thrown), by name. */
    List<String> finished() {
        return callers.stream().filter(c -> !c.thread().isAlive()).map(c -> c.thread().getName()).toList();
    }

    /** The first exception a caller got, if any. */
    Optional<Throwable> firstThrown() {
        return callers.stream().map(c -> c.thrown().get()).filter(t -> t != null).findFirst();
    }

    /**
     * Throws what the first caller that failed got: as it is when unchecked (so that an unwritten
     * method's message reaches the student), else as a failure that names it.
     */
    void rethrowFirst() {
        for (Caller caller : callers) {
            Throwable thrown = caller.thrown().get();
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown != null) {
                fail(LimiterFeedback.callerGot(caller.thread().getName(), thrown), thrown);
            }
        }
    }

    /** What the one caller got: the exception, or empty when it returned (or is still running). */
    Optional<Throwable> thrown(int index) {
        return Optional.ofNullable(callers.get(index).thrown().get());
    }

    void interrupt(int index) {
        callers.get(index).thread().interrupt();
    }

    List<Thread> alive() {
        return callers.stream().map(Caller::thread).filter(Thread::isAlive).toList();
    }

    /** What the callers still alive are doing, for a message. */
    String describeAlive() {
        return Deadlocks.describe(alive(), LockNames.none());
    }

    private boolean settled() {
        return callers.stream().allMatch(c -> !c.thread().isAlive() || Held.isHeld(c.thread()));
    }

    @Override
    public void close() throws InterruptedException {
        alive().forEach(Thread::interrupt);
        awaitFinished(Duration.ofSeconds(1));
    }
}
