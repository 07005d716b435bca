package kata.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The map runs under the kata's scheduler: its threads, the pool's included, run one
 * at a time and time is virtual. Every call of the function waits at a gate that only the test
 * opens, so before the test looks every thread has got as far as it can: how many calls run at
 * once is an exact number, and the test decides in which order the calls finish. Nothing here
 * depends on timing, the machine's speed or its number of CPUs.
 */
class ParallelMapTest {

    private static final long SCHEDULES_SEED = 20_261_204L;
    /** Random orders of the threads' steps each explored scenario runs. */
    private static final int SCHEDULES = 100;
    /** More elements than a bounded work queue of a round size holds. */
    private static final int LONG_LIST = 5_000;
    /** More elements held at once than a bounded queue of a larger round size (8 192, 10 000, 16 384) holds. */
    private static final int LONGER_LIST = 20_000;

    @Test
    @DisplayName("Every element is mapped, with parallelism 1, 3, and more than the elements; parallelism 0 and -1 are refused, also with an empty list")
    @Graded(id = "maps-every-element", points = 1, timeoutSeconds = 60)
    void mapsEveryElement() throws Exception {
        for (int parallelism : new int[] {1, 3, 50}) {
            Controlled.run(() -> {
                try (MapScene scene = MapScene.free(20).start(parallelism)) {
                    if (!scene.ends() || !scene.call().returned()) {
                        fail(MapFeedback.didNotReturn("20 elements with parallelism " + parallelism, scene));
                    }
                    // Sorted: the order is keeps-input-order's business; here every element must be there once.
                    List<String> sorted = scene.call().result().stream().sorted().toList();
                    assertEquals(scene.expectedResults().stream().sorted().toList(), sorted,
                            MapFeedback.notEveryElement(parallelism, scene.call().result()));
                }
            });
        }
        Controlled.run(() -> {
            // All calls held until map has handed out what it will: a queue with a limit overflows here.
            try (MapScene scene = MapScene.held(LONG_LIST).start(2)) {
                scene.releaseAll();
                if (!scene.ends() || !scene.call().returned()) {
                    fail(MapFeedback.didNotReturn(LONG_LIST + " elements with parallelism 2", scene));
                }
                assertEquals(LONG_LIST, scene.call().result().size(), MapFeedback.notEveryElement(2, List.of()));
            }
        });
        for (int parallelism : new int[] {0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(List.of(1, 2), parallelism, x -> x),
                    MapFeedback.badParallelismAccepted(parallelism, "[1, 2]"));
            // The argument is wrong whatever the list: an empty one too.
            assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(List.of(), parallelism, x -> x),
                    MapFeedback.badParallelismAccepted(parallelism, "[]"));
        }
        mapsInManyOrders();
    }

    /**
     * The caller and its pool's threads in many orders of their steps (seeded: the same orders on
     * every run): a caller that looks whether the results are in and then waits, not under one lock
     * with the threads that announce them, misses a wake-up given in between and waits for ever. Pool
     * threads that put results into a HashMap (or add to an ArrayList) with no lock can lose one.
     */
    private static void mapsInManyOrders() {
        try {
            Interleavings.randomSchedule(SCHEDULES_SEED).runs(SCHEDULES)
                    .given(() -> new AtomicReference<List<Integer>>())
                    .thread("caller", result -> result.set(ParallelMap.map(List.of(1, 2, 3), 2, x -> x * 10)))
                    // A scenario starts at least two threads; the pool's threads are the others that matter.
                    .thread("bystander", result -> { })
                    .check(result -> {
                        // Sorted: the order is keeps-input-order's business.
                        List<Integer> sorted = result.get().stream().sorted().toList();
                        assertEquals(List.of(10, 20, 30), sorted, MapFeedback.notEveryElement(2, result.get()));
                    });
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(MapFeedback.lostWakeUp(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("An empty list gives an empty list, without calling the function or leaving a thread")
    @Graded(id = "empty-input", points = 1, timeoutSeconds = 30)
    void emptyInputGivesEmptyResult() throws Exception {
        Controlled.run(() -> {
            try (MapScene scene = MapScene.free(0).start(4)) {
                if (!scene.ends() || !scene.call().returned() || !scene.call().result().isEmpty()
                        || !scene.started().isEmpty()) {
                    fail(MapFeedback.emptyInput(scene));
                }
                scene.settle();
                assertNoThreadLeft("mapping an empty list", scene);
            }
        });
    }

    @Test
    @DisplayName("Results come in input order when the calls finish last element first, and in a mixed order")
    @Graded(id = "keeps-input-order", points = 2, timeoutSeconds = 60)
    void keepsInputOrderWhenCallsFinishOutOfOrder() throws Exception {
        Controlled.run(() -> assertOrderKept(4, 4));
        Controlled.run(() -> assertOrderKept(7, 3));
        Controlled.run(ParallelMapTest::assertEqualElementsKeepTheirPlaces);
    }

    /** Equal elements are still different positions: a slot found with indexOf(element) is the first one's. */
    private static void assertEqualElementsKeepTheirPlaces() throws InterruptedException {
        List<Integer> inputs = List.of(5, 5, 5, 7, 5);
        List<Integer> result = ParallelMap.map(inputs, 2, x -> x + 1);
        assertEquals(List.of(6, 6, 6, 8, 6), result, MapFeedback.equalElementsMixedUp(inputs, result));
    }

    /**
     * All calls held; the test lets the running call with the highest index finish first, one at a
     * time, so the calls finish in an order other than the inputs'.
     */
    private static void assertOrderKept(int count, int parallelism) throws InterruptedException {
        try (MapScene scene = MapScene.held(count).start(parallelism)) {
            // Two calls at once are enough to finish them out of order; how many run is parallelism-exact's business.
            if (scene.inside() < 2 || scene.mapEnded()) {
                fail(MapFeedback.notAllStarted(count, parallelism, scene));
            }
            while (!scene.running().isEmpty()) {
                List<Integer> running = scene.running();
                scene.release(running.get(running.size() - 1));
            }
            for (int i = 0; i < count; i++) {
                scene.release(i);
            }
            if (!scene.ends() || !scene.call().returned()) {
                fail(MapFeedback.didNotReturn(count + " elements whose calls finished out of order", scene));
            }
            assertEquals(scene.expectedResults(), scene.call().result(), MapFeedback.orderLost(scene.finished()));
        }
    }

    @Test
    @DisplayName("With parallelism 3 and 10 elements, exactly 3 calls run at once, and 3 again each time one finishes, the first or the last of them; with 20 000 elements, exactly 2 of parallelism 2, none on the caller")
    @Graded(id = "parallelism-exact", points = 3, timeoutSeconds = 60)
    void runsExactlyParallelismCallsAtOnce() throws Exception {
        assertExactlyAtOnce(3, 10);
        Controlled.run(ParallelMapTest::assertExactlyAtOnceInALongList);
    }

    /**
     * Every call held while map hands out 20 000 elements: a bounded queue with CallerRunsPolicy fills
     * up and the caller runs a call itself, one more than the parallelism, on a thread that cannot
     * watch for failures meanwhile. Only the count is judged: whether every element is mapped is
     * maps-every-element's business, and closing the scene (gates opened, caller interrupted) ends it.
     */
    private static void assertExactlyAtOnceInALongList() throws InterruptedException {
        try (MapScene scene = MapScene.held(LONGER_LIST).start(2)) {
            if (!scene.onCaller().isEmpty()) {
                fail(MapFeedback.callerRunsCalls(LONGER_LIST, 2, scene));
            }
            if (scene.mapEnded()) {
                fail(MapFeedback.endedWhileHeld(LONGER_LIST, scene));
            }
            if (scene.inside() != 2) {
                fail(MapFeedback.wrongCountAtOnce(2, LONGER_LIST, 2, scene, "before any call finished", false));
            }
        }
    }

    @Test
    @DisplayName("When the function throws, map throws ElementFailedException with the element's index and the exception as cause (also a CompletionException with a cause of its own), also when the failed call finishes first, and when two calls fail at once")
    @Graded(id = "failure-rethrown-with-index", points = 2, timeoutSeconds = 60)
    void failureIsRethrownWithItsIndex() throws Exception {
        AtomicBoolean threadsLeft = new AtomicBoolean();
        Controlled.run(() -> {
            // An exception with a cause of its own: the cause map reports is the exception, not its cause.
            IllegalStateException boom = new IllegalStateException("cannot map 6",
                    new java.io.IOException("the file behind element 6 is gone"));
            try (MapScene scene = MapScene.free(10).failing(6, boom).start(2)) {
                if (!scene.ends()) {
                    fail(MapFeedback.didNotReturn("10 elements where element 6 throws", scene));
                }
                assertFailedWith(6, boom, scene);
                scene.settle();
                threadsLeft.set(!scene.threadsLeft().isEmpty());
            }
        });
        Controlled.run(() -> {
            // Element 3 fails first; 0, 1 and 2 are let go afterwards (if they still run).
            IllegalArgumentException boom = new IllegalArgumentException("cannot map 3");
            try (MapScene scene = MapScene.held(4).failing(3, boom).start(4)) {
                scene.release(3);
                for (int i = 0; i < 3; i++) {
                    scene.release(i);
                }
                if (!scene.ends()) {
                    fail(MapFeedback.didNotReturn("4 elements where element 3 throws before the others finish", scene));
                }
                assertFailedWith(3, boom, scene);
            }
        });
        Controlled.run(ParallelMapTest::assertCompletionExceptionIsTheCause);
        // Threads left after a failure (failure-cancels-the-rest's business) would pile up over the
        // orders explored below, one pool per order, until the grader's thread limit stops the check.
        if (!threadsLeft.get()) {
            Controlled.run(ParallelMapTest::assertFailureOfAnEqualElementKeepsItsIndex);
            failuresInManyOrders();
        }
    }

    /**
     * What a function that joins a CompletableFuture of its own throws. CompletableFuture.supplyAsync
     * stores a CompletionException its task throws as it is (it wraps any other exception in a new one),
     * so a map that unwraps "the CompletionException" reports this one's cause.
     */
    private static void assertCompletionExceptionIsTheCause() throws InterruptedException {
        CompletionException boom = new CompletionException("the lookup behind element 4 failed",
                new java.io.IOException("lookup service unreachable"));
        try (MapScene scene = MapScene.free(6).failing(4, boom).start(3)) {
            if (!scene.ends()) {
                fail(MapFeedback.didNotReturn("6 elements where element 4 throws a CompletionException", scene));
            }
            if (scene.call().thrown().orElse(null) instanceof ElementFailedException failure
                    && failure.index() == 4 && failure.getCause() == boom.getCause()) {
                fail(MapFeedback.wrapperTakenApart(boom));
            }
            assertFailedWith(4, boom, scene);
        }
    }

    /** An element equal to another (same name) that may fail where the other does not. */
    record Named(String name, boolean fails) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Named named && named.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** The third of [a, b, a] fails: its index is 2, where indexOf(element) would say 0. */
    private static void assertFailureOfAnEqualElementKeepsItsIndex() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("cannot map the second a");
        List<Named> inputs = List.of(new Named("a", false), new Named("b", false), new Named("a", true));
        Throwable thrown = null;
        try {
            ParallelMap.map(inputs, 2, named -> {
                if (named.fails()) {
                    throw boom;
                }
                return named.name();
            });
        } catch (RuntimeException failed) {
            thrown = failed;
        }
        if (!(thrown instanceof ElementFailedException failure) || failure.index() != 2 || failure.getCause() != boom) {
            fail(MapFeedback.equalElementFailed(boom, thrown));
        }
    }

    /** What one map call of an explored scenario gave, and a gate that only an interrupt passes. */
    static final class Outcome {
        final CountDownLatch never = new CountDownLatch(1);
        volatile boolean zeroStarted;
        volatile Throwable thrown;
        volatile boolean returned;

        void map(List<Integer> inputs, int parallelism, Function<Integer, Integer> function) {
            try {
                ParallelMap.map(inputs, parallelism, function);
                returned = true;
            } catch (Throwable t) {
                thrown = t;
            }
        }

        /**
         * A call that starts after element 0's waits until it is interrupted, then ends as a well-behaved
         * function does; one that starts before returns at once, so that element 0 gets its turn also
         * where the calls do not start in input order.
         */
        Integer waitForInterrupt(int index) {
            if (!zeroStarted) {
                return index;
            }
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the call for element " + index + " was interrupted");
            }
            return index;
        }
    }

    /**
     * Failures in many orders of the threads' steps (seeded: the same orders on every run). Two calls
     * that fail at about the same time: an index and a cause recorded by two separate steps can come
     * from two different failures. One call that fails while another finishes: a failure announced
     * (a flag set) before its index and cause are written lets the caller read them unwritten.
     */
    private static void failuresInManyOrders() {
        try {
            failuresInManyOrdersExplored();
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            if (!deadlocksWithoutFailures()) {
                fail(MapFeedback.failureNeverEnds(failure.getMessage()), failure);
            }
            // A map that can wait for ever without any failure fails maps-every-element for that.
        }
    }

    /** Whether map([1, 2, 3], 2, x -> x * 10) can wait for ever in the orders maps-every-element explores. */
    private static boolean deadlocksWithoutFailures() {
        try {
            mapsInManyOrders();
            return false;
        } catch (InterleavingFailure failure) {
            return failure.noThreadCanContinue();
        } catch (AssertionError lostWakeUp) {
            return InterleavingFailure.in(lostWakeUp).map(InterleavingFailure::noThreadCanContinue).orElse(false);
        }
    }

    private static void failuresInManyOrdersExplored() {
        RuntimeException[] booms = {new IllegalStateException("cannot map 0"), new IllegalArgumentException("cannot map 1")};
        Interleavings.randomSchedule(SCHEDULES_SEED).runs(SCHEDULES)
                .given(Outcome::new)
                .thread("map caller", outcome -> outcome.map(List.of(0, 1), 2, i -> {
                    throw booms[i];
                }))
                .thread("bystander", outcome -> { })
                .check(outcome -> {
                    if (!(outcome.thrown instanceof ElementFailedException failure)
                            || failure.index() < 0 || failure.index() > 1 || failure.getCause() != booms[failure.index()]) {
                        fail(MapFeedback.mixedFailures(booms, outcome.thrown));
                    }
                });
        RuntimeException boom = new IllegalStateException("cannot map 1");
        Interleavings.randomSchedule(SCHEDULES_SEED).runs(SCHEDULES)
                .given(Outcome::new)
                .thread("map caller", outcome -> outcome.map(List.of(0, 1, 2), 3, i -> {
                    if (i == 1) {
                        throw boom;
                    }
                    return i;
                }))
                .thread("bystander", outcome -> { })
                .check(outcome -> {
                    if (!(outcome.thrown instanceof ElementFailedException failure)
                            || failure.index() != 1 || failure.getCause() != boom) {
                        fail(MapFeedback.failureReadUnwritten(boom, outcome.thrown));
                    }
                });
    }

    @Test
    @DisplayName("The first failure ends the map at once, while other calls still run: they are interrupted (also one taken just after the failure), none starts after map threw, no thread is left; another map running at the same time goes on")
    @Graded(id = "failure-cancels-the-rest", points = 3, timeoutSeconds = 60)
    void firstFailureCancelsTheRest() throws Exception {
        Controlled.run(() -> {
            IllegalStateException boom = new IllegalStateException("cannot map 1");
            // Every element but 1 is held at its gate, which the test never opens: only an interrupt ends them.
            try (MapScene scene = MapScene.held(10).failing(1, boom).open(1).start(3)) {
                if (!scene.ends()) {
                    fail(MapFeedback.failureNotSeen(scene));
                }
                assertFailedWith(1, boom, scene);
                if (!scene.endedAfterEnd().isEmpty()) {
                    fail(MapFeedback.didNotWaitForCalls(scene));
                }
                scene.settle();
                if (!scene.running().isEmpty() || !scene.startedAfterEnd().isEmpty()) {
                    fail(MapFeedback.notCancelled(scene));
                }
                assertNoThreadLeft("a map that threw ElementFailedException", scene);
            }
        });
        callsAfterAFailureInManyOrders();
        Controlled.run(ParallelMapTest::assertAFailureEndsOnlyItsOwnMap);
    }

    /**
     * Two maps at once on two threads; one fails while the other's calls are held. map is a static
     * method: a stop flag, counter or pool kept in a static field is shared by both calls, and the
     * failure of one stops (or interrupts) the other.
     */
    private static void assertAFailureEndsOnlyItsOwnMap() throws InterruptedException {
        try (MapScene other = MapScene.held(5).start(2, "other map caller")) {
            IllegalStateException boom = new IllegalStateException("cannot map 1");
            try (MapScene failing = MapScene.held(4).failing(1, boom).open(1).start(2)) {
                if (!failing.ends()) {
                    fail(MapFeedback.failureNotSeen(failing));
                }
                assertFailedWith(1, boom, failing);
            }
            other.releaseAll();
            // Sorted: the order is keeps-input-order's business.
            if (!other.ends() || !other.call().returned()
                    || !other.expectedResults().stream().sorted().toList().equals(other.call().result().stream()
                            .sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList())) {
                fail(MapFeedback.otherMapDisturbed(other));
            }
        }
    }

    /**
     * Element 0 fails at once while the others wait until they are interrupted, in many orders of the
     * threads' steps: the thread whose call failed may take one more element before the caller
     * interrupts it, and that call must be interrupted too. An interrupt cleared between picking an
     * element and calling the function (Thread.interrupted() "for a fresh start") is lost in some
     * order, and map then waits for a call that never ends.
     */
    private static void callsAfterAFailureInManyOrders() {
        RuntimeException boom = new IllegalStateException("cannot map 0");
        try {
            noCallStartsAfterTheReactionInManyOrders();
            Interleavings.randomSchedule(SCHEDULES_SEED).runs(SCHEDULES)
                    .given(Outcome::new)
                    .thread("map caller", outcome -> outcome.map(List.of(0, 1, 2), 2, i -> {
                        if (i == 0) {
                            outcome.zeroStarted = true;
                            throw boom;
                        }
                        return outcome.waitForInterrupt(i);
                    }))
                    .thread("bystander", outcome -> { })
                    .check(outcome -> {
                        if (!(outcome.thrown instanceof ElementFailedException failure)
                                || failure.index() != 0 || failure.getCause() != boom) {
                            fail(MapFeedback.wrongFailureAmongWaitingCalls(boom, outcome.thrown, outcome.returned));
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            if (!deadlocksWithoutFailures()) {
                fail(MapFeedback.callNotInterrupted(failure.getMessage()), failure);
            }
            // A map that can wait for ever without any failure fails maps-every-element for that.
        }
    }

    /**
     * Element 1 fails while another call is under way, in many orders of the threads' steps. Calls that
     * start before element 1's return at once (so that element 1 gets its turn whatever order the map
     * starts them in); calls that start after it wait until they are interrupted, and element 1 fails
     * once one of them is under way (or, if none can start, once nothing else can happen: virtual time).
     * A call under way at the failure can end only by map's interrupt, so a call its thread starts
     * after that started after map reacted. Cancelling the futures one by one in input order frees a
     * thread whose next element's future is not cancelled yet.
     */
    private static void noCallStartsAfterTheReactionInManyOrders() {
        RuntimeException boom = new IllegalStateException("cannot map 1");
        Interleavings.randomSchedule(SCHEDULES_SEED).runs(SCHEDULES)
                .given(AfterFailure::new)
                .thread("map caller", after -> after.map(List.of(0, 1, 2, 3, 4, 5), 2, boom))
                .thread("bystander", after -> { })
                .check(after -> {
                    if (!after.startedByOthers.isEmpty() || after.startedByFailing.size() > 1) {
                        fail(MapFeedback.startedAfterTheReaction(after.startedByOthers, after.startedByFailing));
                    }
                });
    }

    /**
     * Which calls start after the failure: on the thread whose call failed, and on the threads whose calls
     * were under way at the failure.
     */
    static final class AfterFailure {
        final CountDownLatch never = new CountDownLatch(1);
        final CountDownLatch anotherUnderWay = new CountDownLatch(1);
        final List<Integer> startedByOthers = new CopyOnWriteArrayList<>();
        final List<Integer> startedByFailing = new CopyOnWriteArrayList<>();
        final Set<Thread> waitingForInterrupt = ConcurrentHashMap.newKeySet();
        volatile boolean oneStarted;
        volatile Set<Thread> busyAtFailure = Set.of();
        volatile Thread failing;

        void map(List<Integer> inputs, int parallelism, RuntimeException boom) throws InterruptedException {
            try {
                ParallelMap.map(inputs, parallelism, index -> call(index, boom));
            } catch (RuntimeException expected) {
                // What map threw is other checks' business.
            }
        }

        private Integer call(int index, RuntimeException boom) {
            Thread me = Thread.currentThread();
            if (failing == me) {
                startedByFailing.add(index);
            } else if (busyAtFailure.contains(me)) {
                startedByOthers.add(index);
            }
            try {
                if (index == 1) {
                    oneStarted = true;
                    anotherUnderWay.await(1, TimeUnit.SECONDS);
                    busyAtFailure = Set.copyOf(waitingForInterrupt);
                    failing = me;
                    throw boom;
                }
                if (!oneStarted) {
                    return index;
                }
                waitingForInterrupt.add(me);
                anotherUnderWay.countDown();
                never.await();
                return index;
            } catch (InterruptedException e) {
                me.interrupt();
                throw new CancellationException("the call for element " + index + " was interrupted");
            } finally {
                waitingForInterrupt.remove(me);
            }
        }
    }

    /**
     * Holds every call and checks that exactly min(parallelism, count) run; then lets the running
     * calls finish one at a time (the oldest first) and checks after each that the next element
     * started in its place, until every element is done.
     */
    static void assertExactlyAtOnce(int parallelism, int count) throws Exception {
        // Calls that finish last element first: elements dealt out to the threads in advance (thread k takes
        // k, k + n, ...) leave a thread idle while elements wait for another. Not when threads of the first
        // map are left (threads-end-after-success's business): a second map could use them outside the
        // scheduler's control.
        if (!assertExactlyAtOnce(parallelism, count, false)) {
            assertExactlyAtOnce(parallelism, count, true);
        }
    }

    /** Returns whether the map left threads behind. */
    private static boolean assertExactlyAtOnce(int parallelism, int count, boolean newestFirst) throws Exception {
        int expected = Math.min(parallelism, count);
        AtomicBoolean threadsLeft = new AtomicBoolean();
        Controlled.run(() -> {
            try (MapScene scene = MapScene.held(count).start(parallelism)) {
                if (scene.mapEnded()) {
                    fail(MapFeedback.endedWhileHeld(count, scene));
                }
                if (scene.inside() != expected) {
                    fail(MapFeedback.wrongCountAtOnce(parallelism, count, expected, scene, "before any call finished",
                            newestFirst));
                }
                while (!scene.running().isEmpty()) {
                    List<Integer> running = scene.running();
                    scene.release(newestFirst ? running.get(running.size() - 1) : running.get(0));
                    int shouldRun = Math.min(expected, count - scene.finished().size());
                    if (scene.inside() != shouldRun) {
                        fail(MapFeedback.wrongCountAtOnce(parallelism, count, shouldRun, scene,
                                "after " + scene.finished().size() + " calls had finished", newestFirst));
                    }
                }
                if (!scene.ends() || !scene.call().returned()) {
                    fail(MapFeedback.didNotReturn(count + " elements, once the test let them go", scene));
                }
                assertEquals(scene.expectedResults().stream().sorted().toList(),
                        scene.call().result().stream().sorted().toList(),
                        MapFeedback.notEveryElement(parallelism, scene.call().result()));
                assertEquals(expected, scene.peak(), MapFeedback.peak(parallelism, scene.peak()));
                scene.settle();
                threadsLeft.set(!scene.threadsLeft().isEmpty());
            }
        });
        return threadsLeft.get();
    }

    static void assertFailedWith(int index, Throwable cause, MapScene scene) {
        if (!(scene.call().thrown().orElse(null) instanceof ElementFailedException failure)) {
            fail(MapFeedback.failureNotRethrown(index, cause, scene));
            return;
        }
        if (failure.index() != index || failure.getCause() != cause) {
            fail(MapFeedback.wrongFailure(index, cause, failure));
        }
    }

    static void assertNoThreadLeft(String when, MapScene scene) {
        List<Thread> left = scene.threadsLeft();
        if (!left.isEmpty()) {
            fail(MapFeedback.threadsLeft(when, left));
        }
    }
}
