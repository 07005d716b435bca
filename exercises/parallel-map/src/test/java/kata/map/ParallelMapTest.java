package kata.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kata.support.Graded;
import kata.support.threads.Gate;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The map's threads run freely (the test does not schedule them), so the checks
 * hold the function's calls at gates that only the test opens: while they are held, a map with
 * parallelism N runs exactly N calls, and the test decides in which order the calls finish.
 */
class ParallelMapTest {

    @Test
    @DisplayName("Every element is mapped, with parallelism 1, 3, and more than the elements; parallelism 0 is refused")
    @Graded(id = "maps-every-element", points = 1, timeoutSeconds = 30)
    void mapsEveryElement() {
        List<Integer> inputs = MapScene.upTo(20);
        List<Integer> squares = inputs.stream().map(x -> x * x).toList();
        for (int parallelism : new int[] {1, 3, 50}) {
            try (MapScene scene = new MapScene()) {
                MapCall call = scene.start(inputs, parallelism, x -> x * x);

                if (!call.ends() || !call.returned()) {
                    fail(MapFeedback.didNotReturn("20 numbers, squared, with parallelism " + parallelism, call));
                }
                // Sorted: the order is the next check's business; here every element must be there once.
                List<Integer> sorted = call.result().stream().map(Integer.class::cast).sorted().toList();
                assertEquals(squares, sorted, MapFeedback.notEveryElement(parallelism, call.result()));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(List.of(1), 0, x -> x),
                MapFeedback.zeroParallelismAccepted());
    }

    @Test
    @DisplayName("An empty list gives an empty list, without calling the function or leaving a thread")
    @Graded(id = "empty-input", points = 1, timeoutSeconds = 20)
    void emptyInputGivesEmptyResult() {
        try (MapScene scene = new MapScene()) {
            AtomicInteger calls = new AtomicInteger();
            MapCall call = scene.start(List.<Integer>of(), 4, x -> calls.incrementAndGet());

            if (!call.ends() || !call.returned() || !call.result().isEmpty() || calls.get() != 0) {
                fail(MapFeedback.emptyInput(call, calls.get()));
            }
            if (!scene.mapThreadsEnd()) {
                fail(MapFeedback.threadsLeft("mapping an empty list", scene.mapThreads()));
            }
        }
    }

    @Test
    @DisplayName("Results come in input order, also when the calls finish in reverse order")
    @Graded(id = "keeps-input-order", points = 2, timeoutSeconds = 30)
    void keepsInputOrderWhenCallsFinishInReverse() {
        int count = 4;
        List<Gate> gates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            gates.add(Gate.closed());
        }
        List<Integer> finished = new CopyOnWriteArrayList<>();
        Map<Integer, Thread> runners = new ConcurrentHashMap<>();
        Function<Integer, String> function = i -> {
            runners.put(i, Thread.currentThread());
            gates.get(i).pass();
            finished.add(i);
            return "result " + i;
        };
        try (MapScene scene = new MapScene()) {
            MapCall call = scene.start(MapScene.upTo(count), count, function);
            boolean allRunning = Eventually.holds(() -> call.done() || gates.stream().allMatch(g -> g.inside() == 1));
            if (!allRunning || call.done()) {
                fail(MapFeedback.notAllStarted(count, gates.stream().mapToInt(Gate::inside).sum(), call));
            }

            // The test lets the calls finish one at a time, the last element first. It waits until the
            // call has returned and its thread has gone back to waiting for work (or ended), so that
            // the call's result is recorded before the next call is let go.
            for (int i = count - 1; i >= 0; i--) {
                int index = i;
                Thread runner = runners.get(index);
                gates.get(index).open();
                if (!Eventually.holds(() -> finished.contains(index)
                        && (!runner.isAlive() || Threads.isWaiting(runner)))) {
                    fail(MapFeedback.callDidNotFinish(index));
                }
            }

            if (!call.ends() || !call.returned()) {
                fail(MapFeedback.didNotReturn("4 elements whose calls finished in reverse order", call));
            }
            List<String> expected = List.of("result 0", "result 1", "result 2", "result 3");
            assertEquals(expected, call.result(), MapFeedback.orderLost(finished));
        } finally {
            gates.forEach(Gate::open);
        }
    }

    @Test
    @DisplayName("With parallelism 3 and 10 elements, exactly 3 calls run at once")
    @Graded(id = "parallelism-exact", points = 3, timeoutSeconds = 30)
    void runsExactlyParallelismCallsAtOnce() {
        assertExactlyAtOnce(3, 10);
    }

    @Test
    @DisplayName("When the function throws, map throws ElementFailedException with the element's index and the cause")
    @Graded(id = "failure-rethrown-with-index", points = 2, timeoutSeconds = 20)
    void failureIsRethrownWithItsIndex() {
        IllegalStateException boom = new IllegalStateException("cannot map 6");
        try (MapScene scene = new MapScene()) {
            MapCall call = scene.start(MapScene.upTo(10), 2, i -> {
                if (i == 6) {
                    throw boom;
                }
                return i;
            });

            if (!call.ends()) {
                fail(MapFeedback.didNotReturn("10 elements where element 6 throws", call));
            }
            assertFailedWith(6, boom, call);
        }
    }

    @Test
    @DisplayName("The first failure ends the map at once: the running calls are interrupted and no thread is left")
    @Graded(id = "failure-cancels-the-rest", points = 3, timeoutSeconds = 30)
    void firstFailureCancelsTheRest() {
        IllegalStateException boom = new IllegalStateException("cannot map 1");
        try (MapScene scene = new MapScene()) {
            // Every element but 1 is held at the gate, which stays closed: only a cancellation ends them.
            MapCall call = scene.start(MapScene.upTo(10), 3, i -> {
                if (i == 1) {
                    throw boom;
                }
                scene.gate().pass();
                return i;
            });

            if (!call.ends()) {
                fail(MapFeedback.failureNotSeen(scene.gate().inside(), call));
            }
            assertFailedWith(1, boom, call);
            if (!Eventually.holds(() -> scene.gate().inside() == 0 && scene.mapThreads().isEmpty())) {
                fail(MapFeedback.notCancelled(scene.gate().inside(), scene.describeMapThreads()));
            }
        }
    }

    /**
     * Holds {@code count} calls at the gate and waits until either more than {@code parallelism} run,
     * or exactly the expected number run while the caller and every thread of the map are held or
     * waiting. In that state no further call can start, so the count is final: exact on any machine.
     */
    static void assertExactlyAtOnce(int parallelism, int count) {
        int expected = Math.min(parallelism, count);
        try (MapScene scene = new MapScene()) {
            Gate gate = scene.gate();
            MapCall call = scene.start(MapScene.upTo(count), parallelism, i -> {
                gate.pass();
                return i * 10;
            });

            boolean settled = Eventually.holds(() -> call.done() || gate.inside() > expected
                    || (gate.inside() == expected && scene.everyoneHeldOrWaiting()));

            int inside = gate.inside();
            if (call.done()) {
                fail(MapFeedback.endedWhileHeld(count, call));
            }
            if (inside > expected) {
                fail(MapFeedback.tooManyAtOnce(parallelism, count, inside, scene.mapThreads()));
            }
            if (!settled) {
                fail(MapFeedback.tooFewAtOnce(parallelism, count, expected, inside, call, scene.describeMapThreads()));
            }
            gate.open();
            if (!call.ends() || !call.returned()) {
                fail(MapFeedback.didNotReturn(count + " elements, once the test let them go", call));
            }
            List<Integer> values = call.result().stream().map(Integer.class::cast).sorted().toList();
            assertEquals(MapScene.upTo(count).stream().map(i -> i * 10).toList(), values,
                    MapFeedback.notEveryElement(parallelism, call.result()));
            assertEquals(expected, gate.peak(), MapFeedback.peakAfterOpening(parallelism, gate.peak()));
        }
    }

    static void assertFailedWith(int index, Throwable cause, MapCall call) {
        if (!(call.thrown() instanceof ElementFailedException failure)) {
            fail(MapFeedback.failureNotRethrown(index, cause, call));
            return;
        }
        if (failure.index() != index || failure.getCause() != cause) {
            fail(MapFeedback.wrongFailure(index, cause, failure));
        }
    }
}
