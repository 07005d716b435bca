package kata.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.threads.Deadlocks;
import kata.support.threads.Gate;
import kata.support.threads.LockNames;
import kata.support.threads.Threads;

/**
 * One check's pool, the gate its held tasks wait at, and the threads the test starts itself. Every
 * thread that is alive now and was not before the pool was made, and is not the test's own, is the
 * pool's: that is how the checks count the pool's threads without trusting it.
 */
final class PoolScene implements AutoCloseable {

    /** How long closing waits for the pool's threads; threads that stay make the grader use a fresh JVM. */
    private static final Duration CLEANUP = Duration.ofSeconds(1);

    private final Set<Thread> before;
    private final Set<Thread> ours = ConcurrentHashMap.newKeySet();
    private final BoundedPool pool;
    private final Gate gate = Gate.closed();
    private final String prefix;
    private final int workers;

    private PoolScene(Set<Thread> before, BoundedPool pool, String prefix, int workers) {
        this.before = before;
        this.pool = pool;
        this.prefix = prefix;
        this.workers = workers;
    }

    static PoolScene of(int workers, int queueCapacity, String prefix) {
        Set<Thread> before = Threads.alive();
        return new PoolScene(before, new BoundedPool(workers, queueCapacity, prefix), prefix, workers);
    }

    BoundedPool pool() {
        return pool;
    }

    Gate gate() {
        return gate;
    }

    /** A task that waits at the gate until the test opens it, then returns its value. */
    Callable<Integer> held(int value) {
        return () -> {
            gate.pass();
            return value;
        };
    }

    /** Tasks 0 to count - 1, each held at the gate. */
    List<Callable<Integer>> heldTasks(int count) {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(held(i));
        }
        return tasks;
    }

    /** Starts a thread of the test that submits these tasks in order. */
    Submitter submitInBackground(String name, List<Callable<Integer>> tasks) {
        Submitter submitter = Submitter.start(name, pool, tasks);
        ours.add(submitter.thread());
        return submitter;
    }

    /**
     * Runs a call of the pool's API in a thread of the test and waits for it a bounded time: for calls that must return promptly, so that one that hangs
     * fails its check with a message instead of running into the check's time limit.
     */
    <T> Outcome<T> callInBackground(String name, Callable<T> call) {
        AtomicReference<Outcome<T>> outcome = new AtomicReference<>(Outcome.unfinished());
        Thread thread = new Thread(() -> {
            try {
                outcome.set(Outcome.returned(call.call()));
            } catch (Throwable thrown) {
                outcome.set(Outcome.threw(thrown));
            }
        }, name);
        thread.setDaemon(true);
        ours.add(thread);
        thread.start();
        try {
            // A little longer than MUST_COME, so that a call given MUST_COME as its own time limit
            // (awaitTermination) is seen to return, whatever it returns.
            thread.join(Eventually.MUST_COME.plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the check was interrupted", e);
        }
        return outcome.get();
    }

    /** The pool's threads: alive, started since the pool was made, and not the test's. */
    Set<Thread> poolThreads() {
        Set<Thread> threads = new HashSet<>(Threads.startedSince(before));
        threads.removeAll(ours);
        return threads;
    }

    /** The names the pool's threads may have: prefix-1 to prefix-workers. */
    Set<String> allowedNames() {
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= workers; i++) {
            names.add(prefix + "-" + i);
        }
        return names;
    }

    /** What each of the pool's threads is doing, for messages. */
    String describePoolThreads() {
        Set<Thread> threads = poolThreads();
        return threads.isEmpty() ? "  (the pool has no threads)" : Deadlocks.describe(threads, LockNames.none());
    }

    /**
     * Opens the gate and shuts the pool down, without judging: the check has already decided. A pool
     * that throws or hangs here must not hide the check's verdict.
     */
    @Override
    public void close() {
        gate.open();
        Thread closer = new Thread(() -> {
            try {
                pool.shutdown();
                pool.awaitTermination(CLEANUP);
            } catch (Throwable ignored) {
                // The verdict is made; leftover threads make the grader start a fresh JVM.
            }
        }, "cleanup");
        closer.setDaemon(true);
        ours.add(closer);
        closer.start();
        long deadline = System.nanoTime() + CLEANUP.toNanos();
        try {
            closer.join(CLEANUP.toMillis());
            for (Thread thread : poolThreads()) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The values of these futures, or a failed check naming the first that did not return one. */
    static List<Integer> valuesOf(List<Future<Integer>> futures) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            Outcome<Integer> outcome = Outcome.of(futures.get(i));
            if (!outcome.returnedNormally()) {
                org.junit.jupiter.api.Assertions.fail(PoolFeedback.taskWithoutResult(i, outcome));
            }
            values.add(outcome.value());
        }
        return values;
    }

    /** 0, 1, ..., count - 1. */
    static List<Integer> upTo(int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }

    /** Whether every pool thread is inside the gate: then no thread of the pool can start another task. */
    boolean everyPoolThreadHeld() {
        return gate.threadsInside().containsAll(poolThreads());
    }

    /** Waits until every pool thread has ended; false if one is still alive after {@link Eventually#MUST_COME}. */
    boolean poolThreadsEnd() {
        return Eventually.holds(() -> poolThreads().isEmpty());
    }

    /** Names of the given threads, sorted, for messages. */
    static String names(Set<Thread> threads) {
        return Threads.names(threads);
    }

    /** Callable that throws the given exception. */
    static Callable<Integer> throwing(Exception exception) {
        return () -> {
            throw exception;
        };
    }

    /** Callable that throws the given error. */
    static Callable<Integer> throwingError(Error error) {
        return () -> {
            throw error;
        };
    }
}
