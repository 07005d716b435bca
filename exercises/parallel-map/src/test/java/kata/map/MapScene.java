package kata.map;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import kata.support.threads.Deadlocks;
import kata.support.threads.Gate;
import kata.support.threads.LockNames;
import kata.support.threads.Threads;

/**
 * One check's map call, the gate its held elements wait at, and the threads alive before it. Every
 * thread alive now that was not before and is not the test's caller is the map's: that is how the
 * checks see the map's threads without trusting it.
 */
final class MapScene implements AutoCloseable {

    /** How long closing waits for the map's threads; threads that stay make the grader use a fresh JVM. */
    private static final Duration CLEANUP = Duration.ofSeconds(1);

    private final Set<Thread> before = Threads.alive();
    private final Gate gate = Gate.closed();
    private MapCall call;

    Gate gate() {
        return gate;
    }

    /** Starts map in the test's caller thread. */
    <T, R> MapCall start(List<T> inputs, int parallelism, Function<? super T, ? extends R> function) {
        call = MapCall.start(inputs, parallelism, function);
        return call;
    }

    /** The map's threads: alive, started since the scene was made, and not the test's caller. */
    Set<Thread> mapThreads() {
        Set<Thread> threads = new HashSet<>(Threads.startedSince(before));
        if (call != null) {
            threads.remove(call.thread());
        }
        return threads;
    }

    /** True when the caller and every thread of the map are held at the gate or waiting: nothing can start. */
    boolean everyoneHeldOrWaiting() {
        Set<Thread> inside = gate.threadsInside();
        boolean callerStill = inside.contains(call.thread()) || call.waiting();
        return callerStill && mapThreads().stream().allMatch(t -> inside.contains(t) || Threads.isWaiting(t));
    }

    /** Waits until every thread of the map has ended; false if one is still alive after {@link Eventually#MUST_COME}. */
    boolean mapThreadsEnd() {
        return Eventually.holds(() -> mapThreads().isEmpty());
    }

    /** What each of the map's threads is doing, for messages. */
    String describeMapThreads() {
        Set<Thread> threads = mapThreads();
        return threads.isEmpty() ? "  (the map has no threads)" : Deadlocks.describe(threads, LockNames.none());
    }

    /** Opens the gate and gives the map's threads a moment to end, without judging: the check has decided. */
    @Override
    public void close() {
        gate.open();
        long deadline = System.nanoTime() + CLEANUP.toNanos();
        try {
            if (call != null) {
                call.thread().join(CLEANUP.toMillis());
            }
            for (Thread thread : mapThreads()) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 0, 1, ..., count - 1. */
    static List<Integer> upTo(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
