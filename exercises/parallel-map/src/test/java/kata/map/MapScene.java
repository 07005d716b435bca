package kata.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;

/**
 * One map call of a check, run inside {@link Controlled#run}: the map is called on a thread of the
 * test ("map caller"), and every call of the function waits at its element's gate until the test
 * opens it (or interrupts it). After {@link #settle()} every thread has got as far as it can, so
 * how many calls run, which have started and which are held are exact numbers, the same on every
 * run and on any machine. Time is virtual: waiting two minutes for a map that never ends costs nothing.
 *
 * <p>A call that is interrupted while it waits at its gate ends by throwing
 * {@link CancellationException} (with its thread's interrupt flag set again), as a well-behaved
 * function does.
 */
final class MapScene implements AutoCloseable {

    /** How long (virtual time) a check waits for map to end once it can. A correct map needs none of it. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final int count;
    private final List<CountDownLatch> gates = new ArrayList<>();
    private final Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<Integer> started = new CopyOnWriteArrayList<>();
    private final List<Integer> finished = new CopyOnWriteArrayList<>();
    private final Set<Integer> interrupted = ConcurrentHashMap.newKeySet();
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private final Set<Thread> runners = ConcurrentHashMap.newKeySet();
    private final Set<Integer> stubborn = ConcurrentHashMap.newKeySet();
    private final List<Integer> onCaller = new CopyOnWriteArrayList<>();
    private final List<Integer> startedAfterEnd = new CopyOnWriteArrayList<>();
    private final List<Integer> endedAfterEnd = new CopyOnWriteArrayList<>();
    private volatile boolean mapEnded;
    private volatile int failedAt = -1;
    private volatile Thread caller;
    private volatile boolean callerInterrupted;
    private Call<List<String>> call;

    private MapScene(int count, boolean held) {
        this.count = count;
        for (int i = 0; i < count; i++) {
            gates.add(new CountDownLatch(held ? 1 : 0));
        }
    }

    /** Elements 0 .. count - 1 whose calls wait at their gates until the test opens them. */
    static MapScene held(int count) {
        return new MapScene(count, true);
    }

    /** Elements 0 .. count - 1 whose calls return at once (unless told otherwise). */
    static MapScene free(int count) {
        return new MapScene(count, false);
    }

    /** The call of this element throws {@code thrown} once its gate is open. */
    MapScene failing(int index, Throwable thrown) {
        failures.put(index, thrown);
        return this;
    }

    /** The gate of this element is open from the start. */
    MapScene open(int index) {
        gates.get(index).countDown();
        return this;
    }

    /**
     * The call of this element, once interrupted, still waits at its gate until the test opens it
     * (a call that takes a while to clean up), and only then ends as an interrupted call does.
     */
    MapScene stubborn(int index) {
        stubborn.add(index);
        return this;
    }

    /** What the function gives for element i. */
    static String result(int index) {
        return "result " + index;
    }

    /** The results of a correct map of this scene. */
    List<String> expectedResults() {
        return IntStream.range(0, count).mapToObj(MapScene::result).toList();
    }

    private String apply(Integer index) {
        if (mapEnded) {
            startedAfterEnd.add(index);
        }
        runners.add(Thread.currentThread());
        if (Thread.currentThread() == caller) {
            onCaller.add(index);
        }
        started.add(index);
        running.add(index);
        peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            try {
                gates.get(index).await();
            } catch (InterruptedException e) {
                interrupted.add(index);
                if (stubborn.contains(index)) {
                    awaitUninterruptibly(gates.get(index));
                }
                Thread.currentThread().interrupt();
                throw new CancellationException("the call for element " + index + " was interrupted");
            }
            Throwable failure = failures.get(index);
            if (failure != null) {
                failedAt = index;
                throwUnchecked(failure);
            }
            finished.add(index);
            return result(index);
        } finally {
            running.remove(index);
            inside.decrementAndGet();
            if (mapEnded) {
                endedAfterEnd.add(index);
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch gate) {
        while (gate.getCount() > 0) {
            try {
                gate.await();
            } catch (InterruptedException again) {
                // Stubborn: the call ends when the test lets it go, interrupted or not.
            }
        }
    }

    private static void throwUnchecked(Throwable thrown) {
        if (thrown instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw (Error) thrown;
    }

    /** Starts map on the elements with this parallelism, on the test's caller thread, and lets everyone get as far as they can. */
    MapScene start(int parallelism) {
        return start(parallelism, "map caller");
    }

    /** The same, on a caller thread of this name (for a check that runs two maps at once). */
    MapScene start(int parallelism, String callerName) {
        List<Integer> inputs = IntStream.range(0, count).boxed().toList();
        call = Call.start(callerName, () -> {
            caller = Thread.currentThread();
            try {
                return ParallelMap.map(inputs, parallelism, this::apply);
            } finally {
                callerInterrupted = Thread.currentThread().isInterrupted();
                mapEnded = true;
            }
        });
        settle();
        unwritten();
        return this;
    }

    /** Lets every thread get as far as it can (a thread that spins instead of waiting counts as stuck there). */
    void settle() {
        Controlled.settleAllowingBusyWaits();
    }

    /** Opens this element's gate and lets everyone get as far as they can. */
    void release(int index) {
        gates.get(index).countDown();
        settle();
    }

    /** Opens every gate at once and lets everyone get as far as they can. */
    void releaseAll() {
        gates.forEach(CountDownLatch::countDown);
        settle();
    }

    /** Waits (virtual time) until map has returned or thrown; false if it had not after {@link #PATIENCE}. */
    boolean ends() throws InterruptedException {
        boolean ended = call.awaitEnd(PATIENCE);
        unwritten();
        return ended;
    }

    /** The stub's message is the check's message. */
    private void unwritten() {
        if (call.thrown().orElse(null) instanceof UnsupportedOperationException stub) {
            throw stub;
        }
    }

    Call<List<String>> call() {
        return call;
    }

    boolean mapEnded() {
        return call.ended();
    }

    /** Calls running now (started, not ended). */
    int inside() {
        return inside.get();
    }

    int peak() {
        return peak.get();
    }

    /** Elements whose calls run now, in index order. */
    List<Integer> running() {
        return running.stream().sorted().toList();
    }

    List<Integer> started() {
        return List.copyOf(started);
    }

    List<Integer> finished() {
        return List.copyOf(finished);
    }

    Set<Integer> interrupted() {
        return Set.copyOf(interrupted);
    }

    Set<Thread> runners() {
        return Set.copyOf(runners);
    }

    /** Elements whose call started after map had returned or thrown. */
    List<Integer> startedAfterEnd() {
        return List.copyOf(startedAfterEnd);
    }

    /** Elements whose call ended after map had returned or thrown: map did not wait for them. */
    List<Integer> endedAfterEnd() {
        return List.copyOf(endedAfterEnd);
    }

    /** Elements whose call ran on the thread that called map. */
    List<Integer> onCaller() {
        return List.copyOf(onCaller);
    }

    /** Whether the caller's interrupt status was set when map returned or threw. */
    boolean callerInterrupted() {
        return callerInterrupted;
    }

    /** The index of the last element whose call threw its failure (-1 if none did). */
    int failedAt() {
        return failedAt;
    }

    /** Threads started during the check other than the test's caller that have not ended and are not ending. */
    List<Thread> threadsLeft() {
        return Controlled.startedThreads().stream()
                .filter(thread -> thread != call.thread())
                .filter(thread -> !Controlled.isEnding(thread))
                .toList();
    }

    /** The threads left, with where each one is, for a message. */
    static String describe(List<Thread> threads) {
        StringBuilder text = new StringBuilder();
        for (Thread thread : threads) {
            text.append("\n  \"").append(thread.getName()).append("\" ").append(thread.getState()).append(" at ")
                    .append(kata.support.threads.Deadlocks.where(thread.getStackTrace()));
        }
        return text.toString();
    }

    /** For messages: "returned [..]", "threw X", or "had not returned". */
    String describeEnding() {
        if (!call.ended()) {
            return "had not returned or thrown after " + PATIENCE.toMinutes() + " minutes (the caller waits at "
                    + call.where() + ")";
        }
        Throwable thrown = call.thrown().orElse(null);
        return thrown == null ? "returned " + call.result() : "threw " + MapFeedback.describe(thrown);
    }

    /** Opens every gate and stops the caller if it still waits: nothing of a failed check is left running. */
    @Override
    public void close() throws InterruptedException {
        gates.forEach(CountDownLatch::countDown);
        if (call != null && !call.ended()) {
            call.interrupt();
        }
        settle();
    }
}
