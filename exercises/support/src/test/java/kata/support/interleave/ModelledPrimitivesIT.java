package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import kata.support.fixtures.Counters;
import kata.support.fixtures.Juc;
import kata.support.fixtures.Locks;
import kata.support.fixtures.Waits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.util.concurrent and LockSupport under the scheduler: modelled, not observed. Each lock, wait
 * and park is a state of the model, so correct code passes every schedule, wrong code fails every
 * time, and neither depends on the machine's speed.
 */
class ModelledPrimitivesIT {

    /** A call that may wait and be interrupted. */
    @FunctionalInterface
    interface Blocking {
        void run() throws InterruptedException;
    }

    private static Supplier<Counters.Counter> counter(String kind) {
        return switch (kind) {
            case "semaphore" -> Juc.SemaphoreCounter::new;
            case "stamped" -> Juc.StampedCounter::new;
            case "read-write" -> Juc.ReadWriteCounter::new;
            case "aqs" -> Juc.AqsCounter::new;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Nested
    class Mutexes {

        @ParameterizedTest
        @ValueSource(strings = {"semaphore", "stamped", "read-write", "aqs"})
        void everyScheduleOfAMutexBuiltOnLockSupportIsCorrect(String kind) {
            ExplorationReport report = Interleavings.everySchedule()
                    .given(counter(kind))
                    .thread("worker-1", Counters.Counter::increment)
                    .thread("worker-2", Counters.Counter::increment)
                    .thread("worker-3", Counters.Counter::increment)
                    .check(c -> assertEquals(3, c.get(), "three increments"));

            assertTrue(report.executions() > 1, "more than one schedule: " + report);
        }

        @ParameterizedTest
        @ValueSource(strings = {"semaphore", "stamped", "read-write", "aqs"})
        void fiveThreadsOnAMutexTakeTheSameStepsOnEveryRun(String kind) {
            List<Long> steps = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                Scenario<Counters.Counter> scenario = Interleavings.randomSchedule(7).given(counter(kind));
                for (int t = 1; t <= 5; t++) {
                    scenario = scenario.thread("worker-" + t, c -> {
                        for (int i = 0; i < 200; i++) {
                            c.increment();
                        }
                    });
                }
                steps.add(scenario.check(c -> assertEquals(1000, c.get())).steps());
            }
            assertEquals(1, steps.stream().distinct().count(), "steps per run: " + steps);
        }
    }

    @Nested
    class TimedWaits {

        @Test
        void aTransferThatBacksOffWithTryLockIsNoDeadlock() {
            ExplorationReport report = Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                    .given(Juc.Accounts::new)
                    .thread("a->b", accounts -> accounts.backOff(accounts.a, accounts.b))
                    .thread("b->a", accounts -> accounts.backOff(accounts.b, accounts.a))
                    .check(accounts -> assertEquals(2, accounts.moves));

            assertTrue(report.executions() > 1, report.toString());
        }

        @Test
        void plainLocksInOppositeOrderDeadlockAndTheReportNamesTheLocksWhereTheyWereMade() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                            .given(Juc.Accounts::new)
                            .thread("a->b", accounts -> accounts.nested(accounts.a, accounts.b))
                            .thread("b->a", accounts -> accounts.nested(accounts.b, accounts.a))
                            .run());

            assertEquals("deadlock", failure.kind());
            assertTrue(failure.getMessage().contains("the ReentrantLock created at Juc.java:"), failure.getMessage());
            assertTrue(failure.getMessage().contains("held by \"b->a\""), failure.getMessage());
        }

        @Test
        void aConditionWaitOfAMinuteTimesOutInVirtualTime() throws Exception {
            long[] waited = new long[1];
            boolean[] answer = new boolean[1];
            long before = System.nanoTime();
            Controlled.run(() -> {
                long start = Controlled.nanoTime();
                answer[0] = Juc.awaitNeverSignalled(1, TimeUnit.MINUTES);
                waited[0] = Controlled.nanoTime() - start;
            });
            long real = System.nanoTime() - before;

            assertFalse(answer[0]);
            assertEquals(TimeUnit.MINUTES.toNanos(1), waited[0], "virtual time waited");
            assertTrue(real < TimeUnit.MINUTES.toNanos(1), "no real minute passed");
        }
    }

    @Nested
    class ParkAndUnpark {

        @Test
        void anEventOfParkedWaitersIsCorrectInEverySchedule() {
            ExplorationReport report = Interleavings.everySchedule()
                    .given(Juc.ParkEvent::new)
                    .thread("car-1", Juc.ParkEvent::await)
                    .thread("car-2", Juc.ParkEvent::await)
                    .thread("light", Juc.ParkEvent::set)
                    .check(event -> assertTrue(event.isSet()));

            assertTrue(report.executions() > 1, report.toString());
        }

        @Test
        void aSignalSentBeforeTheWaiterWaitsIsALostWakeUp() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                    Interleavings.everySchedule()
                            .given(Juc.LostSignalEvent::new)
                            .thread("car", Juc.LostSignalEvent::await)
                            .thread("light", Juc.LostSignalEvent::set)
                            .run());

            assertEquals("stuck", failure.kind());
            assertTrue(failure.getMessage().contains("\"car\""), failure.getMessage());
            assertTrue(failure.getMessage().contains("waits for a signal on the Condition created at Juc.java:"),
                    failure.getMessage());
        }
    }

    @Nested
    class Interrupts {

        /** An event, its waiter's thread, and how the waiter's wait ended. */
        static final class Race {
            final Locks.Event event = new Locks.Event();
            volatile Thread waiter;
            volatile String outcome;
        }

        @Test
        void anInterruptedWaiterMayLeaveTheWaitSetBeforeANotifyAndThenThrows() {
            List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
            Interleavings.everySchedule().preemptions(1)
                    .given(Race::new)
                    .thread("waiter", race -> {
                        race.waiter = Thread.currentThread();
                        try {
                            Locks.awaitSet(race.event);
                            race.outcome = "returned";
                        } catch (InterruptedException e) {
                            // Interrupted in wait(), with the event already set: the interrupt won the race.
                            race.outcome = race.event.waits > 0 && race.event.value == 1 ? "threw after the set"
                                    : "threw before the set";
                        }
                    })
                    .thread("setter", race -> {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                        race.waiter.interrupt();
                        Locks.set(race.event);
                    })
                    .check(race -> outcomes.add(race.outcome));

            // JLS 17.2.4: interrupted and notified, wait() may return normally or throw; both are explored.
            assertTrue(outcomes.contains("returned"), outcomes.toString());
            assertTrue(outcomes.contains("threw after the set"), outcomes.toString());
        }
    }

    @Nested
    class JdkLocks {

        @Test
        void aPauseInsideComputeIfAbsentIsNeverTakenForWaiting() {
            ExplorationReport report = Interleavings.everySchedule()
                    .forbidWaiting("updates of different keys share nothing")
                    .given(Juc.KeyedLocks::new)
                    .thread("one", locks -> locks.update("Aa"))
                    .thread("two", locks -> locks.update("BB"))
                    .run();

            assertTrue(report.executions() > 1, report.toString());
        }
    }

    @Nested
    class ControlledRuns {

        @Test
        void aThreadThatWaitsAgainOnceItsShortWaitHasRunOutPollsAndOneThatGoesOnDoesNot() throws Exception {
            List<Optional<Duration>> limits = new ArrayList<>();
            Controlled.run(() -> {
                Waits waits = new Waits();
                List<Thread> threads = List.of(waiter("once", waits::waitOnce10Ms),
                        waiter("poller", waits::pollEvery10Ms), waiter("patient", waits::waitUntilOpen));
                threads.forEach(Thread::start);
                Controlled.settle();
                for (Thread thread : threads) {
                    limits.add(Controlled.pollingLimit(thread, Duration.ofHours(1)));
                }
                waits.open();
                for (Thread thread : threads) {
                    thread.join();
                }
            });

            assertEquals(Optional.empty(), limits.get(0), "one wait of 10 ms, then on");
            assertTrue(limits.get(1).isPresent() && limits.get(1).get().compareTo(Duration.ofMillis(10)) <= 0,
                    "waits of 10 ms, again and again: " + limits.get(1));
            assertEquals(Optional.empty(), limits.get(2), "one wait without a limit");
        }

        private static Thread waiter(String name, Blocking wait) {
            return new Thread(() -> {
                try {
                    wait.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
        }

        @Test
        void aRunLeavesNoThreadOfTheSchedulerBehind() throws Exception {
            // The grader starts a fresh JVM after a check that leaves threads behind: the scheduler's
            // own threads must end once no run needs them.
            Controlled.run(() -> {
                Thread car = new Thread(() -> Locks.ownUpdate(new Locks.Cell()), "car");
                car.start();
                car.join();
            });

            List<Thread> scheduler = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("kata-scheduler-")).toList();
            assertFalse(scheduler.isEmpty(), "the run had a watch");
            for (Thread thread : scheduler) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
                assertFalse(thread.isAlive(), thread.getName() + " is still alive");
            }
        }

        @Test
        void aMonitorTheCheckHoldsMakesTheStudentsCodeWaitInTheModelAndItsParkPassesInVirtualTime()
                throws Exception {
            Locks.Cell cell = new Locks.Cell();
            int[] whileHeld = new int[1];
            long[] held = new long[1];
            long before = System.nanoTime();
            Controlled.run(() -> {
                Thread car = new Thread(() -> Locks.ownUpdate(cell), "car");
                long start = Controlled.nanoTime();
                Controlled.synchronizedOn(cell, () -> {
                    car.start();
                    Controlled.settle();
                    whileHeld[0] = cell.value;
                    LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
                });
                held[0] = Controlled.nanoTime() - start;
                car.join();
            });
            long real = System.nanoTime() - before;

            assertEquals(0, whileHeld[0], "the car updated the cell while the check held its monitor");
            assertEquals(1, cell.value, "the car updated the cell once the check let go");
            assertTrue(held[0] >= TimeUnit.MINUTES.toNanos(1), "virtual time held: " + held[0]);
            assertTrue(real < TimeUnit.MINUTES.toNanos(1), "no real minute passed");
        }

        @Test
        void threadsStartedByTheTestSettleAtTheirWaitsAndTheModelSaysHow() throws Exception {
            Controlled.run(() -> {
                CountDownLatch gate = new CountDownLatch(1);
                List<Thread> cars = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    Thread car = new Thread(() -> {
                        try {
                            Juc.awaitLatch(gate);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "car-" + i);
                    cars.add(car);
                    car.start();
                }
                Controlled.settle();
                for (Thread car : cars) {
                    assertEquals(Thread.State.WAITING, car.getState(), car.getName());
                }
                gate.countDown();
                for (Thread car : cars) {
                    car.join(TimeUnit.MINUTES.toMillis(1));
                    assertFalse(car.isAlive(), car.getName());
                }
            });
        }

        @Test
        void aPoolOfThreeRunsExactlyThreeTasksAtOnce() throws Exception {
            Controlled.run(() -> {
                ExecutorService pool = Executors.newFixedThreadPool(3);
                CountDownLatch gate = new CountDownLatch(1);
                AtomicInteger inside = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> {
                        inside.incrementAndGet();
                        Juc.awaitLatch(gate);
                        return null;
                    }));
                }
                Controlled.settle();
                assertEquals(3, inside.get());
                gate.countDown();
                for (Future<?> future : futures) {
                    future.get(1, TimeUnit.MINUTES);
                }
                pool.shutdown();
                assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
            });
        }

        @Test
        void aBusyWaitNeverSettles() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> Controlled.run(() -> {
                AtomicBoolean green = new AtomicBoolean();
                Thread spinner = new Thread(() -> Juc.spinUntil(green), "spinner");
                spinner.start();
                try {
                    Controlled.settle();
                } finally {
                    green.set(true);
                }
            }));

            assertEquals("unsettled", failure.kind());
            assertTrue(failure.getMessage().contains("\"spinner\" is running at Juc.java:"), failure.getMessage());
        }

        @Test
        void aJoinWithATimeOutReturnsExactlyWhenItIsDue() throws Exception {
            Controlled.run(() -> {
                CountDownLatch never = new CountDownLatch(1);
                Thread held = new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "held");
                held.start();
                long start = Controlled.nanoTime();
                held.join(1000);
                assertEquals(Duration.ofSeconds(1).toNanos(), Controlled.nanoTime() - start);
                assertTrue(held.isAlive());
                held.interrupt();
                held.join();
                assertFalse(held.isAlive());
            });
        }

        @Test
        void aWaitOnTheMonitorOfAThreadEndsWhenThatThreadEnds() throws Exception {
            Controlled.run(() -> {
                CountDownLatch go = new CountDownLatch(1);
                Thread job = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "job");
                job.start();
                Thread opener = new Thread(go::countDown, "opener");
                opener.start();
                long start = Controlled.nanoTime();
                assertTrue(Juc.joinByHand(job, 30, TimeUnit.SECONDS));
                assertEquals(start, Controlled.nanoTime(), "no virtual time passes: the end of the thread woke the wait");
                assertFalse(job.isAlive());
            });
        }

        @Test
        void everyThreadWaitingForEverIsReportedWithWhatEachWaitsFor() {
            InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> Controlled.run(() -> {
                CountDownLatch never = new CountDownLatch(1);
                Thread waiter = new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "waiter");
                waiter.start();
                waiter.join();
            }));

            assertEquals("stuck", failure.kind());
            assertTrue(failure.getMessage().contains("\"test\" waits in join()"), failure.getMessage());
            assertTrue(failure.getMessage().contains("\"waiter\" waits for "), failure.getMessage());
        }
    }
}
