package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: the timed wait at a light that turns green, and an interrupt while waiting. */
class LightHiddenTest {

    private static final Duration LONG_TIMEOUT = Duration.ofMinutes(1);
    /** A car that drives this close to its time-out was not woken by set(): the time-out ended its wait. */
    private static final Duration WOKEN_BY_TIME_OUT = LONG_TIMEOUT.minusSeconds(1);

    @Test
    @DisplayName("set() lets every one of 4 cars in await(1 min) drive, woken by set() rather than by their time-out, and each await returns true, also when set() comes exactly as the time-out runs out")
    @Graded(id = "set-releases-timed-waiters", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void greenReleasesEveryTimedWaiter() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            try (Cars cars = Cars.start(light, "car", 4,
                    red -> red.await(LONG_TIMEOUT.toMinutes(), TimeUnit.MINUTES))) {
                cars.settle();
                if (!cars.finished().isEmpty()) {
                    cars.rethrowFirst();
                    fail(LightFeedback.timedGaveUpAtOnce(LONG_TIMEOUT, cars.finished(), cars.answers()));
                }
                long green = Controlled.nanoTime();
                light.set();

                if (!cars.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.timedNotReleased(LONG_TIMEOUT, 4, cars.waiting(), cars.answers()));
                }
                cars.rethrowFirst();
                if (!cars.answers().equals(List.of(true, true, true, true))) {
                    fail(LightFeedback.timedAnswerAtGreen(LONG_TIMEOUT, cars.answers()));
                }
                for (int i = 0; i < 4; i++) {
                    Call<Object> car = cars.car(i);
                    Duration afterGreen = Duration.ofNanos(car.endNanos() - green);
                    if (afterGreen.compareTo(WOKEN_BY_TIME_OUT) >= 0) {
                        fail(LightFeedback.timedWokenLate(LONG_TIMEOUT, car.name(), afterGreen));
                    }
                }
            }
        });
        longestTimeOutWaitsForGreen();
        setRacingTimedAwait();
        if (timedCarBlocks()) {
            setAtTheDeadline();
        }
    }

    /**
     * Whether a car in await(1 min) at red blocks. A car that busy-waits looks at the light and the
     * clock while the scheduler lets time pass, so what it finds at its deadline says nothing about the
     * order of its looks; waiting-burns-no-cpu judges it.
     */
    private static boolean timedCarBlocks() throws Exception {
        try {
            Controlled.run(() -> {
                TrafficLight light = new TrafficLight();
                try (Cars cars = Cars.start(light, "timed-car", 1, red -> red.await(1, TimeUnit.MINUTES))) {
                    cars.settleStrictly();
                }
            });
            return true;
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                return false;
            }
            throw failure;
        }
    }

    /**
     * await(Long.MAX_VALUE, NANOSECONDS), "for ever" in practice: System.nanoTime() is any number (here, as
     * on Linux, the time since boot), so a deadline computed as now + timeout overflows to a negative number,
     * and comparing it with now (rather than subtracting) gives up at once.
     */
    private static void longestTimeOutWaitsForGreen() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            try (Cars cars = Cars.start(light, "patient-car", 2, red -> red.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS))) {
                cars.settle();
                if (!cars.finished().isEmpty()) {
                    cars.rethrowFirst();
                    fail(LightFeedback.longestTimeOutGaveUp(cars.finished(), cars.answers()));
                }
                light.set();
                if (!cars.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.longestTimeOutNotReleased(cars.waiting(), cars.answers()));
                }
                cars.rethrowFirst();
                if (!cars.answers().equals(List.of(true, true))) {
                    fail(LightFeedback.longestTimeOutAnswered(cars.answers()));
                }
            }
        });
    }

    /** What the car of {@link #setRacingTimedAwait} got, and how long (virtual time) it waited for it. */
    record TimedRace(TrafficLight light, AtomicBoolean answer, AtomicLong waitedNanos) {
        static TimedRace red() {
            return new TimedRace(new TrafficLight(), new AtomicBoolean(), new AtomicLong(-1));
        }

        void drive() throws InterruptedException {
            long start = Controlled.nanoTime();
            answer.set(light.await(LONG_TIMEOUT.toMinutes(), TimeUnit.MINUTES));
            waitedNanos.set(Controlled.nanoTime() - start);
        }
    }

    /**
     * set() at the same time as await(1 min), in every order of their steps: a car that looks at the
     * light outside the lock and then waits misses a set() in between, and gets its true only when its
     * minute has run out.
     */
    private static void setRacingTimedAwait() {
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(TimedRace::red)
                .thread("timed-car", TimedRace::drive)
                .thread("light", race -> race.light().set())
                .check(race -> {
                    Duration waited = Duration.ofNanos(race.waitedNanos().get());
                    if (!race.answer().get() || waited.compareTo(WOKEN_BY_TIME_OUT) >= 0) {
                        fail(LightFeedback.timedWakeUpLost(LONG_TIMEOUT, race.answer().get(), waited));
                    }
                });
    }

    /** The car of {@link #setAtTheDeadline}: its answer, and whether set() had returned by the time it had it. */
    static final class DeadlineRace {
        final TrafficLight light = new TrafficLight();
        volatile boolean setReturned;
        volatile Boolean answer;
        volatile boolean setReturnedBeforeAnswer;
    }

    /**
     * set() comes exactly as the car's minute runs out: the car's time-out and the light thread's
     * one-minute park end at the same instant of virtual time. The light starts first and parks, then
     * the car waits; at the deadline the schedule goes round from the car, the last to stop, so the
     * light runs first, and without preemptions it runs to its end: set() has returned before the car
     * takes another step. The car then finds green and must say so; a car that looks at the clock
     * before the light answers false at a green light.
     */
    private static void setAtTheDeadline() {
        Interleavings.everySchedule().preemptions(0)
                .given(DeadlineRace::new)
                .thread("light", race -> {
                    LockSupport.parkNanos(LONG_TIMEOUT.toNanos());
                    race.light.set();
                    race.setReturned = true;
                })
                .thread("timed-car", race -> {
                    race.answer = race.light.await(LONG_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
                    race.setReturnedBeforeAnswer = race.setReturned;
                })
                .check(race -> {
                    if (Boolean.FALSE.equals(race.answer) && race.setReturnedBeforeAnswer) {
                        fail(falseAtGreenOnTheDeadline());
                    }
                });
    }

    private static String falseAtGreenOnTheDeadline() {
        return "A car waited in await(1 min) at red, and set() came exactly as its minute ran out: set() had"
                + " returned before the car took its next step, yet the car answered false at a green light. After"
                + " a wake-up, look at the light first and at the clock only while it is red: while (!green) { long"
                + " left = deadline - System.nanoTime(); if (left <= 0) return false; ...wait... } return true;"
                + " The answer is the colour the car finds, not whether its time is up.";
    }

    @Test
    @DisplayName("A car waiting at red in await() or await(1 min) that is interrupted stops waiting with InterruptedException, and so does one whose thread is interrupted already when it calls at red; interrupted as set() comes, it throws or drives still interrupted, in every order")
    @Graded(id = "interrupt-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void interruptEndsTheWait() throws Exception {
        // Which of await() and await(1 min) wait at red: one that returns at once is judged elsewhere.
        boolean[] waits = new boolean[2];
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            try (Cars car = Cars.start(light, "car", 1, Cars.AWAIT);
                 Cars timed = Cars.start(light, "timed-car", 1, red -> red.await(1, TimeUnit.MINUTES))) {
                car.settle();
                // Only a car that waits can be interrupted out of its wait; one that drove on red
                // (or gave up at once) is judged by the checks about that.
                List<Call<Object>> waiting = new java.util.ArrayList<>();
                for (Cars cars : List.of(car, timed)) {
                    if (cars.finished().isEmpty()) {
                        waiting.add(cars.car(0));
                        waits[cars == car ? 0 : 1] = true;
                    } else {
                        cars.rethrowFirst();
                    }
                }
                waiting.forEach(Call::interrupt);

                for (Call<Object> one : waiting) {
                    if (!one.awaitEnd(Duration.ofSeconds(1))) {
                        fail(LightFeedback.ignoredInterrupt(one.name(), "  \"" + one.name() + "\" waits at "
                                + one.where()));
                    }
                    Throwable thrown = one.thrown().orElse(null);
                    if (!(thrown instanceof InterruptedException)) {
                        if (thrown instanceof UnsupportedOperationException unwritten) {
                            throw unwritten;
                        }
                        fail(LightFeedback.wrongInterruptOutcome(one.name(), thrown, one.result()));
                    }
                }
            }
        });
        interruptedBeforeTheCall(waits[0], waits[1]);
        interruptRacingSet(false);
        interruptRacingSet(true);
    }

    /**
     * A car whose thread is interrupted already when it calls: at red it throws InterruptedException,
     * as wait(), await() and lockInterruptibly() do at once on an interrupted thread; at green it may
     * drive (a car that looks at the light first) or throw. At red, only the calls that wait there
     * when not interrupted are tried.
     */
    private static void interruptedBeforeTheCall(boolean untimedWaits, boolean timedWaits) throws Exception {
        for (boolean green : List.of(false, true)) {
            for (boolean timed : List.of(false, true)) {
                if (!green && !(timed ? timedWaits : untimedWaits)) {
                    continue;
                }
                String call = timed ? "await(1 min)" : "await()";
                Controlled.run(() -> {
                    TrafficLight light = new TrafficLight();
                    if (green) {
                        light.set();
                    } else if (light.isSet()) {
                        return; // A new light that is green (a flag every light shares): no-static-state's business.
                    }
                    Call<Object> car = Call.start("interrupted-car", () -> {
                        Thread.currentThread().interrupt();
                        if (timed) {
                            return light.await(1, TimeUnit.MINUTES);
                        }
                        light.await();
                        return null;
                    });
                    try {
                        if (!car.awaitEnd(Duration.ofSeconds(1))) {
                            fail(LightFeedback.ignoredInterrupt(car.name(), "  \"" + car.name() + "\" waits at "
                                    + car.where()));
                        }
                        Throwable thrown = car.thrown().orElse(null);
                        if (thrown instanceof UnsupportedOperationException unwritten) {
                            throw unwritten;
                        }
                        boolean drove = thrown == null && (!timed || Boolean.TRUE.equals(car.result()));
                        if (!(thrown instanceof InterruptedException) && !(green && drove)) {
                            fail(interruptedCallOutcome(call, green, thrown, car.result()));
                        }
                    } finally {
                        light.set();
                        Call.stop(List.of(car));
                    }
                });
            }
        }
    }

    private static String interruptedCallOutcome(String call, boolean green, Object thrown, Object answer) {
        String outcome = thrown != null ? "threw " + thrown
                : answer == null ? "returned as if the light were green" : "returned " + answer;
        String text = "A car called " + call + " at a " + (green ? "green" : "red") + " light on a thread that was"
                + " interrupted already; it should " + (green ? "drive or " : "") + "throw InterruptedException (wait(),"
                + " await() and lockInterruptibly() throw it at once on an interrupted thread), but it " + outcome + ".";
        if (thrown instanceof IllegalMonitorStateException) {
            text += " An IllegalMonitorStateException here means a finally block unlocked a lock this call never"
                    + " got: when lockInterruptibly() throws, the lock is not held. Take the lock before the try"
                    + " whose finally unlocks it: lock.lockInterruptibly(); try { ... } finally { lock.unlock(); }";
        }
        return text;
    }

    /** A light, the car waiting at it, and how the car's wait ended. */
    static final class InterruptRace {
        final TrafficLight light = new TrafficLight();
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile Thread car;
        volatile String ending = "";
    }

    /**
     * set() and an interrupt reach a waiting car at the same moment: in every order of what happens
     * then (one preemption), the car either throws InterruptedException or drives with its interrupt
     * status still set. A car that catches the exception and drives because the light is green by then
     * has lost the interrupt: nobody can tell any more that its thread was asked to stop.
     */
    private static void interruptRacingSet(boolean timed) {
        String call = timed ? "await(1 min)" : "await()";
        Interleavings.everySchedule().preemptions(1)
                .given(InterruptRace::new)
                .thread("car", race -> {
                    race.car = Thread.currentThread();
                    try {
                        if (timed) {
                            race.light.await(1, TimeUnit.MINUTES);
                        } else {
                            race.light.await();
                        }
                        // Once the interrupt has come (before or after the car drove), its status stays set
                        // unless the car's own code cleared it.
                        boolean stillInterrupted;
                        try {
                            race.interrupted.await();
                            stillInterrupted = Thread.currentThread().isInterrupted();
                        } catch (InterruptedException asItShould) {
                            stillInterrupted = true;
                        }
                        race.ending = stillInterrupted ? "drove, interrupted" : "drove";
                    } catch (InterruptedException interrupted) {
                        race.ending = "threw";
                    }
                })
                .thread("light", race -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    race.light.set();
                })
                .thread("interrupter", race -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    race.car.interrupt();
                    race.interrupted.countDown();
                })
                .check(race -> {
                    if (race.ending.equals("drove")) {
                        fail(interruptLostToSet(call));
                    }
                });
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String interruptLostToSet(String call) {
        return "A car waited in " + call + "; set() and an interrupt came at the same moment, and in the order of"
                + " steps below the car drove with its interrupt status cleared: the interrupt was lost. When wait()"
                + " throws InterruptedException the status is already cleared; a car that catches it and drives"
                + " because the light is green by then must call Thread.currentThread().interrupt() first, or simply"
                + " let the exception leave await().";
    }
}
