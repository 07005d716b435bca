package kata.threads;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kata.support.interleave.Controlled;

/**
 * The checks' jobs, used inside {@link Controlled#run}. A held job records the thread it runs on and
 * then stays inside until the check lets every job out, so "still running" is a fact the check
 * controls: after {@link Controlled#settle()} every started job is inside, on any machine. A quick
 * job records its thread and ends. Time is the run's virtual time: holding jobs costs nothing.
 */
final class Jobs {

    /** More exits than any check has jobs: after it, every job leaves at once. */
    private static final int EVERYONE = 1_000_000;

    private final Semaphore exits = new Semaphore(0);
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Thread>> ranOn = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Semaphore handling = new Semaphore(0);
    private final CountDownLatch handlersEnd = new CountDownLatch(1);

    /** A job that records its thread and stays inside until {@link #letOut()}. */
    Job held(String name) {
        return new Job(name, () -> {
            Thread me = Thread.currentThread();
            ranOn.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(me);
            inside.add(me);
            try {
                exits.acquireUninterruptibly();
            } finally {
                inside.remove(me);
            }
        });
    }

    /** A job that records its thread and stays inside until {@link #letOut(String)} of its name (or {@link #letOut()}). */
    Job gated(String name) {
        CountDownLatch gate = gates.computeIfAbsent(name, key -> new CountDownLatch(1));
        return new Job(name, () -> {
            Thread me = Thread.currentThread();
            ranOn.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(me);
            inside.add(me);
            try {
                while (gate.getCount() > 0) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        // Like held: only the check decides when the job ends.
                    }
                }
            } finally {
                inside.remove(me);
            }
        });
    }

    /** Lets the gated jobs of this name out. */
    void letOut(String name) {
        gates.computeIfAbsent(name, key -> new CountDownLatch(1)).countDown();
    }

    /** As {@link #held}, but once let out the job throws: its thread ends by an exception. */
    Job heldThenThrows(String name) {
        return thenThrows(held(name));
    }

    /** As {@link #gated}, but once let out the job throws: its thread ends by an exception. */
    Job gatedThenThrows(String name) {
        return thenThrows(gated(name));
    }

    /**
     * As {@link #heldThenThrows}, but once it has thrown, its thread stays in its uncaught-exception
     * handler until {@link #endAll()}: run() has returned, and the thread is still alive.
     */
    Job heldThenThrowsAndLingers(String name) {
        return thenThrows(held(name), (thread, failure) -> {
            handling.release();
            while (handlersEnd.getCount() > 0) {
                try {
                    handlersEnd.await();
                } catch (InterruptedException e) {
                    // Only the check decides when the thread ends.
                }
            }
        });
    }

    /**
     * Waits until a lingering job's thread is in its uncaught-exception handler: false when it never gets
     * there within {@code patience} (a crew that catches its jobs' exceptions ends the thread without it).
     */
    boolean awaitHandling(Duration patience) throws InterruptedException {
        return handling.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Job thenThrows(Job job) {
        // Expected: no stack trace in the check's output.
        return thenThrows(job, (thread, failure) -> { });
    }

    private static Job thenThrows(Job job, Thread.UncaughtExceptionHandler handler) {
        Runnable work = job.work();
        return new Job(job.name(), () -> {
            work.run();
            if (Thread.currentThread().getName().equals(CrewTest.BOSS)) {
                // Run on the boss (run() instead of start()): runs-on-new-threads judges that, and a throw
                // would only end the boss's script here.
                return;
            }
            Thread.currentThread().setUncaughtExceptionHandler(handler);
            throw new IllegalStateException(job.name() + " fails on purpose: the check wants a thread that ends by"
                    + " an exception");
        });
    }

    /** A job that records its thread and ends at once. */
    Job quick(String name) {
        return new Job(name, () ->
                ranOn.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(Thread.currentThread()));
    }

    /** Lets every held job out, now and later. */
    void letOut() {
        exits.release(EVERYONE);
        gates.values().forEach(CountDownLatch::countDown);
    }

    /** Lets every held job out and every lingering thread end, now and later. */
    void endAll() {
        letOut();
        handlersEnd.countDown();
    }

    /** The threads inside a held job right now. */
    Set<Thread> inside() {
        return Set.copyOf(inside);
    }

    /** The threads the job ran on so far, one entry per time it started. */
    List<Thread> ranOn(String name) {
        return List.copyOf(ranOn.getOrDefault(name, List.of()));
    }
}
