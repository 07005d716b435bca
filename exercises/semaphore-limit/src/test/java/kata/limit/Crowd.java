package kata.limit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;

/**
 * Callers of {@code limiter.run(task)} whose tasks stay inside until the test lets them out, one at
 * a time or all at once. Used inside {@link Controlled#run}: after {@link #settle()} every caller
 * has got as far as it can (inside its task, waiting for a permit, or finished), so the number
 * inside is exactly how many tasks the limiter lets run at once, on any machine. Time is the run's
 * virtual time: holding the tasks for ten minutes costs nothing. Closing lets every task out and
 * stops the callers still waiting, so that a failed check leaves nothing behind.
 */
final class Crowd implements AutoCloseable {

    /**
     * How long a caller may take to finish once it can, in virtual time. Callers that can go on do
     * so without any time passing; only one that is never woken (or sleeps and looks again) comes
     * near it.
     */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** More exits than any check has callers: after it, every task leaves at once. */
    private static final int EVERYONE = 1_000_000;

    private final Semaphore exits = new Semaphore(0);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger entered = new AtomicInteger();
    private final Set<Thread> enteredThreads = ConcurrentHashMap.newKeySet();
    private volatile long lastEntryNanos;
    private volatile String lastEntryName = "";
    private final List<Call<Object>> callers;

    /** How a caller calls the limiter with its task. */
    @FunctionalInterface
    private interface Entry {
        Object call(Limiter limiter, Runnable task) throws InterruptedException;
    }

    private Crowd(Limiter limiter, String name, int size, Entry entry) {
        this.callers = Call.startAll(name, size, () -> entry.call(limiter, this::stayInside));
    }

    /**
     * Starts {@code size} callers of {@code run(task)} named {@code name-1 ...} and lets them get as
     * far as they can.
     */
    static Crowd gather(Limiter limiter, String name, int size) {
        return settled(new Crowd(limiter, name, size, (used, task) -> {
            used.run(task);
            return null;
        }));
    }

    /** Like {@link #gather}, with callers of {@code tryRun(task, timeout)}. */
    static Crowd gatherTimed(Limiter limiter, String name, int size, Duration timeout) {
        return settled(new Crowd(limiter, name, size,
                (used, task) -> used.tryRun(task, timeout.toNanos(), TimeUnit.NANOSECONDS)));
    }

    private static Crowd settled(Crowd crowd) {
        crowd.settle();
        if (crowd.inside() == 0) {
            // The stub (or a limiter that throws at once): its message is the check's.
            crowd.rethrowFirstUnchecked();
        }
        return crowd;
    }

    /**
     * How many tasks {@code limiter} runs at once, measured with {@code size} callers; every caller
     * is let out (or stopped) before it returns.
     */
    static int atOnce(Limiter limiter, String name, int size) throws InterruptedException {
        try (Crowd crowd = gather(limiter, name, size)) {
            return crowd.inside();
        }
    }

    /** The task of every caller: counts itself in, stays until the test lets it out. */
    private void stayInside() {
        enteredThreads.add(Thread.currentThread());
        lastEntryNanos = Controlled.nanoTime();
        lastEntryName = Thread.currentThread().getName();
        entered.incrementAndGet();
        peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
        exits.acquireUninterruptibly();
        inside.decrementAndGet();
    }

    /**
     * Lets every caller get as far as it can. A caller that keeps running instead of waiting (a busy
     * wait) counts as waiting here; waiting-blocks is the check about that.
     */
    void settle() {
        Controlled.settleAllowingBusyWaits();
    }

    /** Lets {@code count} tasks out (their callers give their permits back). */
    void letOut(int count) {
        exits.release(count);
    }

    /** Tasks running now: they hold permits. */
    int inside() {
        return inside.get();
    }

    /** The most tasks that ever ran at once. */
    int peak() {
        return peak.get();
    }

    /** Tasks that have started so far. */
    int entered() {
        return entered.get();
    }

    /** When the last task started, in {@link Controlled#nanoTime()}. */
    long lastEntryNanos() {
        return lastEntryNanos;
    }

    /** The caller whose task started last. */
    String lastEntryName() {
        return lastEntryName;
    }

    int size() {
        return callers.size();
    }

    Call<Object> caller(int index) {
        return callers.get(index);
    }

    /** Callers that have returned or thrown, by name. */
    List<String> finished() {
        return Call.ended(callers);
    }

    /** Callers that have neither started their task nor finished: they wait for a permit. */
    List<Call<Object>> waitingForPermit() {
        return callers.stream().filter(call -> !call.ended() && !enteredThreads.contains(call.thread())).toList();
    }

    /** Where each caller that waits for a permit is, for a message. */
    String describeWaiting() {
        return String.join("\n", waitingForPermit().stream()
                .map(call -> "  \"" + call.name() + "\" waits at " + call.where()).toList());
    }

    /**
     * Throws what the first caller that failed got: as it is when unchecked (so that an unwritten
     * method's message reaches the student), else as a failure that names it.
     */
    void rethrowFirst() {
        rethrowFirstUnchecked();
        for (Call<Object> caller : callers) {
            Throwable thrown = caller.thrown().orElse(null);
            if (thrown != null) {
                throw new AssertionError(LimiterFeedback.callerGot(caller.name(), thrown), thrown);
            }
        }
    }

    private void rethrowFirstUnchecked() {
        for (Call<Object> caller : callers) {
            Throwable thrown = caller.thrown().orElse(null);
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        exits.release(EVERYONE);
        settle();
        Call.stop(callers);
    }
}
