package kata.threads;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
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

    private static Job thenThrows(Job job) {
        Runnable work = job.work();
        return new Job(job.name(), () -> {
            work.run();
            if (Thread.currentThread().getName().equals(CrewTest.BOSS)) {
                // Run on the boss (run() instead of start()): runs-on-new-threads judges that, and a throw
                // would only end the boss's script here.
                return;
            }
            // Expected: no stack trace in the check's output.
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> { });
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

    /** The threads inside a held job right now. */
    Set<Thread> inside() {
        return Set.copyOf(inside);
    }

    /** The threads the job ran on so far, one entry per time it started. */
    List<Thread> ranOn(String name) {
        return List.copyOf(ranOn.getOrDefault(name, List.of()));
    }
}
