package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import kata.support.fixtures.Counters;
import kata.support.fixtures.Locks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InterleavingsIT {

    private static Supplier<Counters.Counter> counter(String kind) {
        return switch (kind) {
            case "plain" -> Counters.Plain::new;
            case "volatile" -> Counters.Volatile::new;
            case "atomic-get-then-set" -> Counters.AtomicGetThenSet::new;
            case "synchronized-method" -> Counters.SynchronizedMethod::new;
            case "synchronized-block" -> Counters.SynchronizedBlock::new;
            case "atomic" -> Counters.Atomic::new;
            case "reentrant-lock" -> Counters.Locked::new;
            case "spin-lock" -> Counters.SpinLocked::new;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ExplorationReport twoIncrements(Exploration exploration, String kind) {
        return exploration.given(counter(kind))
                .thread("worker-1", Counters.Counter::increment)
                .thread("worker-2", Counters.Counter::increment)
                .check(c -> assertEquals(2, c.get(), "two increments"));
    }

    @Nested
    @DisplayName("every schedule with bounded preemptions")
    class Exhaustive {

        @ParameterizedTest
        @ValueSource(strings = {"plain", "volatile", "atomic-get-then-set"})
        void findsTheLostUpdateOfARacyCounter(String kind) {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                    () -> twoIncrements(Interleavings.everySchedule(), kind));

            assertEquals("check", failure.kind());
            assertTrue(failure.getMessage().contains("expected: <2> but was: <1>"), failure.getMessage());
            assertTrue(failure.getMessage().contains("worker-1") && failure.getMessage().contains("worker-2"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("Counters.java:"), failure.getMessage());
        }

        @Test
        void showsTheReadAndTheWriteThatRacedInTheTrace() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                    () -> twoIncrements(Interleavings.everySchedule(), "plain"));

            String message = failure.getMessage();
            assertTrue(message.contains("reads Plain.value"), message);
            assertTrue(message.contains("writes Plain.value"), message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"synchronized-method", "synchronized-block", "atomic", "reentrant-lock",
                "spin-lock"})
        void acceptsEveryScheduleOfACorrectCounter(String kind) {
            ExplorationReport report = twoIncrements(Interleavings.everySchedule(), kind);

            assertTrue(report.complete(), "explored every schedule: " + report);
            assertTrue(report.executions() > 1, "tried more than one schedule: " + report);
        }

        @Test
        void reportsOppositeOrderMonitorsAsADeadlockNamingTheLocks() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Locks.Pair::new)
                            .lockNames(p -> Map.of(p.first, "lock A", p.second, "lock B"))
                            .thread("a-then-b", p -> Locks.nested(p, p.first, p.second))
                            .thread("b-then-a", p -> Locks.nested(p, p.second, p.first))
                            .run());

            assertEquals("deadlock", failure.kind());
            String message = failure.getMessage();
            assertTrue(message.contains("\"a-then-b\" holds lock A (locked at Locks.java:21)"), message);
            assertTrue(message.contains("waits for lock B"), message);
            assertTrue(message.contains("Locks.java:"), message);
        }

        @Test
        void reportsOppositeOrderReentrantLocksAsADeadlock() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Locks.Pair::new)
                            .thread("a-then-b", p -> Locks.nestedReentrant(p, p.firstLock, p.secondLock))
                            .thread("b-then-a", p -> Locks.nestedReentrant(p, p.secondLock, p.firstLock))
                            .run());

            assertEquals("deadlock", failure.kind());
            assertTrue(failure.getMessage().contains("ReentrantLock"), failure.getMessage());
        }

        @Test
        void acceptsTheSameLocksTakenInOneOrder() {
            ExplorationReport report = Interleavings.everySchedule()
                    .given(Locks.Pair::new)
                    .thread("first", p -> Locks.nested(p, p.first, p.second))
                    .thread("second", p -> Locks.nested(p, p.first, p.second))
                    .check(p -> assertEquals(2, p.updates));

            assertTrue(report.complete(), report.toString());
        }

        @Test
        void findsAThreeWayDeadlockAtTheSameScheduleOnEveryRun() {
            Set<Integer> schedules = new HashSet<>();
            for (int run = 0; run < 5; run++) {
                InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                        Interleavings.everySchedule()
                                .preemptingOnlyAtSynchronization()
                                .given(Locks.Ring::new)
                                .thread("a-b", r -> Locks.nested(r, r.a, r.b))
                                .thread("b-c", r -> Locks.nested(r, r.b, r.c))
                                .thread("c-a", r -> Locks.nested(r, r.c, r.a))
                                .run());
                assertEquals("deadlock", failure.kind());
                schedules.add(failure.schedule());
            }

            assertEquals(1, schedules.size(), "schedule that deadlocked, per run: " + schedules);
        }

        @Test
        void exploresTheSameSchedulesOnEveryRunWhenThreadsContend() {
            Set<Integer> executions = new HashSet<>();
            for (int run = 0; run < 5; run++) {
                executions.add(Interleavings.everySchedule()
                        .given(Locks.Ring::new)
                        .thread("a-b", r -> Locks.nested(r, r.a, r.b))
                        .thread("a-c", r -> Locks.nested(r, r.a, r.c))
                        .thread("b-c", r -> Locks.nested(r, r.b, r.c))
                        .check(r -> assertEquals(3, r.updates))
                        .executions());
            }

            assertEquals(1, executions.size(), "schedules explored, per run: " + executions);
        }

        @Test
        void forbidWaitingCatchesAGlobalLockBetweenUnrelatedUpdates() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .forbidWaiting("the two cells share nothing")
                            .given(() -> new Locks.Cell[] {new Locks.Cell(), new Locks.Cell()})
                            .thread("left", cells -> Locks.globalUpdate(cells[0]))
                            .thread("right", cells -> Locks.globalUpdate(cells[1]))
                            .run());

            assertEquals("waited", failure.kind());
            assertTrue(failure.getMessage().contains("had to wait, but the two cells share nothing"),
                    failure.getMessage());
        }

        @Test
        void forbidWaitingAcceptsPerObjectLocks() {
            ExplorationReport report = Interleavings.everySchedule()
                    .forbidWaiting("the two cells share nothing")
                    .given(() -> new Locks.Cell[] {new Locks.Cell(), new Locks.Cell()})
                    .thread("left", cells -> Locks.ownUpdate(cells[0]))
                    .thread("right", cells -> Locks.ownUpdate(cells[1]))
                    .check(cells -> assertEquals(1, cells[0].value + cells[1].value - 1));

            assertTrue(report.complete(), report.toString());
        }
    }

    @Nested
    @DisplayName("one seeded random schedule")
    class Random {

        private ExplorationReport fiveWorkers(String kind) {
            return Interleavings.randomSchedule(42)
                    .given(counter(kind))
                    .thread("worker-1", c -> incrementTimes(c, 1000))
                    .thread("worker-2", c -> incrementTimes(c, 1000))
                    .thread("worker-3", c -> incrementTimes(c, 1000))
                    .thread("worker-4", c -> incrementTimes(c, 1000))
                    .thread("worker-5", c -> incrementTimes(c, 1000))
                    .check(c -> assertEquals(5000, c.get(), "5 x 1000 increments"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain", "volatile"})
        void losesTheSameNumberOfUpdatesOnEveryRun(String kind) {
            String first = assertThrows(InterleavingFailure.class, () -> fiveWorkers(kind)).headline();
            String second = assertThrows(InterleavingFailure.class, () -> fiveWorkers(kind)).headline();

            assertTrue(first.startsWith("5 x 1000 increments ==> expected: <5000> but was: <"), first);
            assertEquals(first, second, "same seed, same schedule, same result");
        }

        @ParameterizedTest
        @ValueSource(strings = {"synchronized-method", "synchronized-block", "atomic", "reentrant-lock",
                "spin-lock"})
        void countsEveryIncrementOfACorrectCounter(String kind) {
            ExplorationReport report = fiveWorkers(kind);

            assertTrue(report.steps() >= 5000, report.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"synchronized-method", "reentrant-lock"})
        void takesTheSameStepsOnEveryRunEvenWhenThreadsBlockOnLocks(String kind) {
            Set<Long> steps = new HashSet<>();
            for (int run = 0; run < 5; run++) {
                steps.add(fiveWorkers(kind).steps());
            }

            assertEquals(1, steps.size(), "steps per run: " + steps);
        }

        private static void incrementTimes(Counters.Counter counter, int times) {
            for (int i = 0; i < times; i++) {
                counter.increment();
            }
        }
    }

    @Nested
    @DisplayName("one thread preempted at every step")
    class EveryStep {

        /** A retrying thread with room, beside 100 increments: fails when the retrier gives up. */
        private static ExplorationReport retryBesideIncrements(Exploration exploration, int attempts) {
            return exploration.given(() -> new Retry(new Counters.CappedRetry(attempts)))
                    .thread("retrier", retry -> retry.added = retry.counter.addOne())
                    .thread("incrementer", retry -> {
                        for (int i = 0; i < 100; i++) {
                            retry.counter.increment();
                        }
                    })
                    .check(retry -> assertTrue(retry.added, "the retrier gave up"));
        }

        private static final class Retry {
            final Counters.CappedRetry counter;
            volatile boolean added;

            Retry(Counters.CappedRetry counter) {
                this.counter = counter;
            }
        }

        @Test
        void getsAnIncrementBetweenEveryReadAndCompareAndSetWhereOneStepInTurnGetsNone() {
            retryBesideIncrements(Interleavings.randomSchedule(1).switchProbability(1.0), 1);

            InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                    () -> retryBesideIncrements(Interleavings.preemptingEveryStepOf("retrier"), 20));

            assertEquals("the retrier gave up ==> expected: <true> but was: <false>", failure.headline());
            assertEquals(2, failure.schedule(), "two steps per increment: caught with the others taking two");
        }

        @Test
        void runsOneScheduleForEachNumberOfStepsOfTheOthers() {
            ExplorationReport report = retryBesideIncrements(Interleavings.preemptingEveryStepOf("retrier").runs(6),
                    Integer.MAX_VALUE);

            assertEquals(6, report.executions());
            assertTrue(report.complete(), report.toString());
        }

        @Test
        void replaysTheFailingScheduleFromItsToken() {
            InterleavingFailure first = assertThrows(InterleavingFailure.class,
                    () -> retryBesideIncrements(Interleavings.preemptingEveryStepOf("retrier"), 20));
            try {
                System.setProperty(ReplayToken.PROPERTY, first.replayToken().orElseThrow());
                InterleavingFailure replayed = assertThrows(InterleavingFailure.class,
                        () -> retryBesideIncrements(Interleavings.preemptingEveryStepOf("retrier"), 20));

                assertEquals(1, replayed.schedule());
                assertEquals(first.interleaving(), replayed.interleaving());
            } finally {
                System.clearProperty(ReplayToken.PROPERTY);
            }
        }

        @Test
        void refusesAThreadTheScenarioDoesNotHave() {
            assertThrows(IllegalArgumentException.class,
                    () -> retryBesideIncrements(Interleavings.preemptingEveryStepOf("buyer"), 20));
            assertThrows(IllegalStateException.class, () -> Interleavings.everySchedule().runs(2));
        }
    }

    @Nested
    @DisplayName("failures other than wrong results")
    class Failures {

        @Test
        void reportsAThreadWaitingForeverAsStuck() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Locks.Cell::new)
                            .thread("waiter", Locks::waitForever)
                            .thread("other", Locks::waitForever)
                            .run());

            assertEquals("stuck", failure.kind());
            assertTrue(failure.getMessage().contains("\"waiter\" waits in wait() on"), failure.getMessage());
            assertTrue(failure.getMessage().contains("for a notify that never comes"), failure.getMessage());
        }

        @Test
        void reportsAnEndlessLoopThroughSharedStateAsLivelock() {
            Locks.spinning = true;
            InterleavingFailure failure;
            try {
                failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .maxSteps(50_000)
                            .given(Locks.Cell::new)
                            .thread("spinner", Locks::spinForever)
                            .thread("other", cell -> Locks.ownUpdate(cell))
                            .run());
            } finally {
                Locks.spinning = false;
            }

            assertEquals("livelock", failure.kind());
        }

        @Test
        void reportsAnEndlessLocalComputationAsAHang() {
            AtomicBoolean computing = new AtomicBoolean(true);
            InterleavingFailure failure;
            try {
                failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .stallLimit(Duration.ofMillis(300))
                            .given(Locks.Cell::new)
                            .thread("computer", cell -> Locks.computeForever(cell, computing::get))
                            .thread("other", cell -> Locks.ownUpdate(cell))
                            .run());
            } finally {
                computing.set(false);
            }

            assertEquals("hang", failure.kind());
            assertTrue(failure.getMessage().contains("\"computer\" is still running at Locks.java:"),
                    failure.getMessage());
        }

        @Test
        void reportsAnExceptionFromTheCodeUnderTestWithItsLine() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Locks.Cell::new)
                            .thread("thrower", cell -> {
                                Locks.ownUpdate(cell);
                                throw new UnsupportedOperationException("not yet");
                            })
                            .thread("other", Locks::ownUpdate)
                            .run());

            assertEquals("threw", failure.kind());
            assertTrue(failure.headline().contains("\"thrower\" threw UnsupportedOperationException"),
                    failure.headline());
        }

        @Test
        void aScenarioOfOneThreadExploresTheThreadsItsCodeStarts() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Counters.Plain::new)
                            .thread("main", Counters::incrementBesideANewThread)
                            .check(counter -> assertEquals(2, counter.get(), "two increments")));

            assertEquals("check", failure.kind());
        }

        @Test
        void refusesAScenarioOfOneThreadThatStartsNoOther() {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
                    Interleavings.everySchedule()
                            .given(Locks.Cell::new)
                            .thread("alone", Locks::ownUpdate)
                            .run());

            assertTrue(refused.getMessage().contains("Only one thread ran"), refused.getMessage());
        }

        @Test
        void refusesAScenarioThatNeverReachesInstrumentedCode() {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
                    Interleavings.everySchedule()
                            .given(() -> new int[1])
                            .thread("one", a -> { })
                            .thread("two", a -> { })
                            .run());

            assertTrue(refused.getMessage().contains("cannot control the schedule"), refused.getMessage());
        }
    }
}
