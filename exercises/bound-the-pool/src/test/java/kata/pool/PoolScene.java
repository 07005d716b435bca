package kata.pool;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;

/**
 * One pool under test, used inside {@link Controlled#run}: the pool's threads and the test's own
 * submitters run under the scheduler, so after {@link #settle()} every thread has got as far as it
 * can (a worker inside a held task or waiting for work, a submitter waiting for room or done), and
 * what the check counts is exact on any machine. Held tasks stay inside until the test lets them
 * out; time is virtual, so holding them for minutes costs nothing. Closing lets every task out,
 * shuts the pool down and stops the test's threads, so that a failed check leaves nothing behind.
 */
final class PoolScene implements AutoCloseable {

    /** How long the test waits for something that can happen at once (virtual time: free). */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** More exits than any check has tasks: after it, every held task leaves at once. */
    private static final int EVERYONE = 1_000_000;

    private final BoundedPool pool;
    private final int workers;
    private final int capacity;
    private final String prefix;
    private final int firstThread;
    private final Semaphore exits = new Semaphore(0);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger entered = new AtomicInteger();
    /** Tasks that found their thread interrupted as they started or finished: by the pool, not the test. */
    private final Set<Integer> interrupted = ConcurrentHashMap.newKeySet();
    private final Set<Thread> runners = ConcurrentHashMap.newKeySet();
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
    private final List<Call<?>> calls = new CopyOnWriteArrayList<>();
    private volatile boolean shutDownByCheck;

    private PoolScene(int workers, int capacity, String prefix) {
        this.firstThread = Controlled.startedThreads().size();
        this.workers = workers;
        this.capacity = capacity;
        this.prefix = prefix;
        this.pool = new BoundedPool(workers, capacity, prefix);
    }

    /** Makes {@code new BoundedPool(workers, capacity, prefix)} and lets its threads start. */
    static PoolScene of(int workers, int capacity, String prefix) {
        PoolScene scene = new PoolScene(workers, capacity, prefix);
        scene.settle();
        return scene;
    }

    BoundedPool pool() {
        return pool;
    }

    int workers() {
        return workers;
    }

    int capacity() {
        return capacity;
    }

    String describe() {
        return "new BoundedPool(" + workers + ", " + capacity + ", \"" + prefix + "\")";
    }

    /** Calls {@code pool.shutdown()}; closing then does not call it again. */
    void shutdown() {
        shutDownByCheck = true;
        pool.shutdown();
    }

    /** Lets every thread get as far as it can; a busy wait counts as waiting (idle-workers-wait judges it). */
    void settle() {
        Controlled.settleAllowingBusyWaits();
    }

    /** A task that counts itself in and stays until the test lets it out; then returns {@code value}. */
    Callable<Integer> held(int value) {
        return () -> {
            runners.add(Thread.currentThread());
            entered.incrementAndGet();
            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
            exits.acquireUninterruptibly();
            inside.decrementAndGet();
            if (Thread.currentThread().isInterrupted()) {
                interrupted.add(value);
            }
            return value;
        };
    }

    /** A task that notes its thread and returns {@code value} at once. */
    Callable<Integer> quick(int value) {
        return () -> {
            runners.add(Thread.currentThread());
            entered.incrementAndGet();
            if (Thread.currentThread().isInterrupted()) {
                interrupted.add(value);
            }
            return value;
        };
    }

    List<Callable<Integer>> heldTasks(int count) {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(held(i));
        }
        return tasks;
    }

    /** Lets {@code count} held tasks out. */
    void letOut(int count) {
        exits.release(count);
    }

    void letEveryoneOut() {
        exits.release(EVERYONE);
    }

    /** Held tasks running now. */
    int inside() {
        return inside.get();
    }

    int peak() {
        return peak.get();
    }

    /** Tasks that have started so far. */
    /** The values of the tasks that ran on an interrupted thread, in order. */
    Set<Integer> interruptedTasks() {
        return new TreeSet<>(interrupted);
    }

    int entered() {
        return entered.get();
    }

    /** The threads that ran the test's tasks. */
    Set<Thread> runners() {
        return runners;
    }

    /** A thread of the test's own, calling the pool; counted as none of the pool's threads. */
    <T> Call<T> call(String name, Call.Body<T> body) {
        Call<T> call = Call.start(name, body);
        ownThreads.add(call.thread());
        calls.add(call);
        return call;
    }

    /** A thread of the test that submits {@code tasks} one after another. */
    Submitter submitter(String name, List<Callable<Integer>> tasks) {
        List<Future<Integer>> futures = new CopyOnWriteArrayList<>();
        Call<Void> call = call(name, () -> {
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(task));
            }
            return null;
        });
        return new Submitter(call, futures, tasks.size());
    }

    /** The submitting thread, the futures it got so far (one per accepted task) and how many it has. */
    record Submitter(Call<Void> call, List<Future<Integer>> futures, int tasks) {
        int accepted() {
            return futures.size();
        }

        boolean done() {
            return call.ended();
        }

        Throwable failure() {
            return call.thrown().orElse(null);
        }

        String name() {
            return call.name();
        }
    }

    /** Every thread started since the pool was made, except the test's own: the pool's threads. */
    List<Thread> poolThreads() {
        List<Thread> started = Controlled.startedThreads();
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : started.subList(Math.min(firstThread, started.size()), started.size())) {
            if (!ownThreads.contains(thread)) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** The pool's threads that have not ended (nor are on their way out). */
    List<Thread> livePoolThreads() {
        return poolThreads().stream().filter(thread -> !Controlled.isEnding(thread)).toList();
    }

    /** The names {@code prefix-1 ... prefix-N}. */
    Set<String> expectedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= workers; i++) {
            names.add(prefix + "-" + i);
        }
        return names;
    }

    /** Where each live pool thread is, for a message. */
    String describePoolThreads() {
        List<String> lines = new ArrayList<>();
        for (Thread thread : livePoolThreads()) {
            lines.add("  \"" + thread.getName() + "\" is at " + kata.support.threads.Deadlocks.where(thread.getStackTrace()));
        }
        return lines.isEmpty() ? "  (none)" : String.join("\n", lines);
    }

    /**
     * The value each future holds, waiting for each at most {@link #PATIENCE}: fails with what was
     * seen when one holds an exception or never completes.
     */
    static List<Integer> valuesOf(List<Future<Integer>> futures, String what) throws InterruptedException {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                values.add(futures.get(i).get(PATIENCE.toNanos(), TimeUnit.NANOSECONDS));
            } catch (ExecutionException thrown) {
                fail(PoolFeedback.futureThrew(what, i, thrown.getCause()), thrown);
            } catch (TimeoutException never) {
                fail(PoolFeedback.futureNeverDone(what, i));
            }
        }
        return values;
    }

    static List<Integer> upTo(int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }

    /** Throws what the call threw: as it is when unchecked (an unwritten method's message), else as a failure. */
    static void rethrow(Call<?> call) {
        Throwable thrown = call.thrown().orElse(null);
        if (thrown instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            fail("\"" + call.name() + "\" got " + thrown, thrown);
        }
    }

    @Override
    public void close() throws InterruptedException {
        letEveryoneOut();
        try {
            if (!shutDownByCheck) {
                // A shutdown() that waits for the workers cannot hang here: every task is let out.
                pool.shutdown();
            }
        } catch (RuntimeException unwritten) {
            // The stub, or a pool that fails here: the check reports what it saw.
        }
        settle();
        Call.stop(calls);
    }
}
