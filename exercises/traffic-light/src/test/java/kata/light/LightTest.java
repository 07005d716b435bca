package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The cars are the test's own threads, run under the scheduler: before a check looks
 * at them, it lets each get as far as it can (driven on, or waiting to be woken), a state that then
 * stays until the light changes, and time is virtual. So what the check sees is the same on every run
 * and on any number of CPUs, and a time-out is measured exactly. The race between set() and await()
 * is explored under the scheduler in every order of their steps.
 */
class LightTest {

    /** Time-outs of the timed wait at red: milliseconds, seconds, below a millisecond, zero. */
    private static final List<Timeout> TIMEOUTS = List.of(new Timeout(200, TimeUnit.MILLISECONDS),
            new Timeout(2, TimeUnit.SECONDS), new Timeout(500, TimeUnit.MICROSECONDS), new Timeout(0, TimeUnit.MILLISECONDS));

    /** A timed wait may give up this much later than its time-out (a deadline rounded up to milliseconds, say). */
    private static final Duration LATE = Duration.ofSeconds(1);

    record Timeout(long amount, TimeUnit unit) {
        Duration duration() {
            return Duration.ofNanos(unit.toNanos(amount));
        }

        @Override
        public String toString() {
            return "await(" + amount + ", " + unit + ")";
        }
    }

    @Test
    @DisplayName("One thread: a new light is red; after set() it is green (also after a second set()), and await(), await(1 s) and await(0) return at once")
    @Graded(id = "light-alone", points = 1, timeoutSeconds = 30)
    void greenLightFromOneThread() throws InterruptedException {
        TrafficLight light = new TrafficLight();
        if (light.isSet()) {
            fail(LightFeedback.sequential("isSet() on a new light", false, true));
        }

        light.set();
        expect("isSet() after set()", true, light.isSet());
        light.set();
        expect("isSet() after set() and set() again", true, light.isSet());
        light.await();
        expect("await(1 s) on a green light", true, light.await(1, TimeUnit.SECONDS));
        expect("await(0 ms) on a green light", true, light.await(0, TimeUnit.MILLISECONDS));
    }

    private static void expect(String what, boolean expected, boolean actual) {
        if (actual != expected) {
            fail(LightFeedback.sequential(what, expected, actual));
        }
    }

    @Test
    @DisplayName("While the light is red, 5 waiting cars all stay waiting (also with another light green, and when one wakes without set(): a spurious wake-up)")
    @Graded(id = "red-holds-cars", points = 2, timeoutSeconds = 30)
    void redLightHoldsEveryCar() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            // Another light, made later and set green: each light has a colour of its own.
            new TrafficLight().set();
            try (Cars cars = Cars.start(light, "car", 5, Cars.AWAIT)) {
                cars.settle();
                List<String> drove = cars.finished();
                if (!drove.isEmpty()) {
                    cars.rethrowFirst();
                    fail(LightFeedback.droveOnRedBesideGreen(drove));
                }

                Controlled.wakeSpuriously(cars.car(0).thread());
                cars.settle();
                if (!cars.finished().isEmpty()) {
                    cars.rethrowFirst();
                    fail(LightFeedback.droveAfterSpuriousWakeUp(cars.finished()));
                }
            }
        });
    }

    @Test
    @DisplayName("set() lets every one of 5 waiting cars drive")
    @Graded(id = "green-releases-all", points = 3, timeoutSeconds = 30)
    void greenReleasesEveryWaitingCar() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            try (Cars cars = Cars.start(light, "car", 5, Cars.AWAIT)) {
                cars.settle();
                failIfAnyDroveOnRed(cars);
                light.set();

                if (!cars.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.notAllReleased("await()", 5, cars.waiting(), cars.describeWaiting()));
                }
                cars.rethrowFirst();
            }
        });
    }

    @Test
    @DisplayName("At red, await(200 ms), await(2 s), await(500 µs) and await(0) return false, each after its time-out (not before, and not much later, also when woken meanwhile without a set())")
    @Graded(id = "timed-wait-times-out", points = 2, timeoutSeconds = 30)
    void timedWaitGivesUpAtRed() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            // A start between two milliseconds: a deadline kept in whole milliseconds shows.
            TimeUnit.MICROSECONDS.sleep(300);
            List<Call<Object>> cars = new ArrayList<>();
            for (Timeout timeout : TIMEOUTS) {
                cars.add(Call.start("impatient-car-" + (cars.size() + 1),
                        () -> light.await(timeout.amount(), timeout.unit())));
            }
            try {
                for (int i = 0; i < cars.size(); i++) {
                    Call<Object> car = cars.get(i);
                    Timeout timeout = TIMEOUTS.get(i);
                    if (!car.awaitEnd(Cars.PATIENCE)) {
                        fail(LightFeedback.neverGaveUp(timeout.toString(), Cars.PATIENCE, car.name() + " waits at "
                                + car.where()));
                    }
                    if (car.thrown().isPresent()) {
                        Throwable thrown = car.thrown().get();
                        if (thrown instanceof RuntimeException unchecked) {
                            throw unchecked;
                        }
                        fail(LightFeedback.carGot(car.name(), thrown), thrown);
                    }
                    if (!Boolean.FALSE.equals(car.result())) {
                        fail(LightFeedback.timedAnswerAtRed(timeout.toString(), car.result()));
                    }
                    if (car.took().compareTo(timeout.duration()) < 0) {
                        fail(LightFeedback.gaveUpEarly(timeout.toString(), car.took()));
                    }
                    if (car.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                        fail(LightFeedback.gaveUpLate(timeout.toString(), car.took()));
                    }
                }
            } finally {
                Call.stop(cars);
            }
            // Woken without a set() (as wait(), await() and park() may be): the time-out still counts from
            // the call, not from the last wake-up.
            for (Timeout timeout : TIMEOUTS.subList(0, 2)) {
                Call<Object> car = Call.start("woken-car", () -> light.await(timeout.amount(), timeout.unit()));
                try {
                    int wakeUps = car.wakeEvery(timeout.duration().dividedBy(WAKE_UPS_PER_TIMEOUT),
                            timeout.duration().plus(LATE));
                    if (!car.awaitEnd(Cars.PATIENCE)) {
                        fail(LightFeedback.neverGaveUp(timeout.toString(), Cars.PATIENCE, car.name() + " waits at "
                                + car.where()));
                    }
                    if (car.thrown().isEmpty() && Boolean.FALSE.equals(car.result())
                            && car.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                        fail(LightFeedback.timeoutRestartedByWakeUps(timeout.toString(), car.took(), wakeUps));
                    }
                } finally {
                    Call.stop(List.of(car));
                }
            }
        });
    }

    /** How often a woken timed car is woken again: a time-out restarted at each wake-up never runs out. */
    private static final int WAKE_UPS_PER_TIMEOUT = 4;

    @Test
    @DisplayName("clear() turns the light red again: a car that comes later waits, and the next set() lets it drive; clear() at red changes nothing for the cars waiting")
    @Graded(id = "clear-blocks-again", points = 2, timeoutSeconds = 30)
    void clearMakesLaterCarsWait() throws Exception {
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            light.set();
            light.clear();
            if (light.isSet()) {
                fail(LightFeedback.stillGreenAfterClear());
            }

            try (Cars car = Cars.start(light, "late-car", 1, Cars.AWAIT)) {
                car.settle();
                if (!car.finished().isEmpty()) {
                    car.rethrowFirst();
                    fail(LightFeedback.droveAfterClear());
                }
                light.set();

                if (!car.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.notAllReleased("await()", 1, car.waiting(), car.describeWaiting()));
                }
                car.rethrowFirst();
            }

            // clear() on a light that is red already changes nothing: the car waiting still drives at set().
            // One car, so that a notify() that wakes one waiter is green-releases-all's business only.
            light.clear();
            try (Cars car = Cars.start(light, "waiting-car", 1, Cars.AWAIT)) {
                car.settle();
                failIfAnyDroveOnRed(car);
                light.clear();
                car.settle();
                failIfAnyDroveOnRed(car);
                light.set();

                if (!car.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.strandedByClear(car.waiting(), car.describeWaiting()));
                }
                car.rethrowFirst();
            }
        });
    }

    @Test
    @DisplayName("set() at the same time as await(): the car always drives, in every order of their steps")
    @Graded(id = "no-lost-wakeup", points = 3, timeoutSeconds = 60)
    void setRacingAwaitIsNeverLost() {
        try {
            // Preempting where threads synchronize is enough: the wake-up is lost when the car is
            // paused before it takes the lock, after it has seen red.
            Interleavings.everySchedule()
                    .preemptingOnlyAtSynchronization()
                    .given(TrafficLight::new)
                    .thread("car", TrafficLight::await)
                    .thread("light", TrafficLight::set)
                    .check(light -> {
                        if (!light.isSet()) {
                            fail(LightFeedback.sequential("isSet() after set() and await() both returned", true,
                                    false));
                        }
                    });
        } catch (InterleavingFailure failure) {
            if ("stuck".equals(failure.kind())) {
                fail(LightFeedback.lostWakeUp(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("isSet() called while set() runs in another thread reads the light safely: under the lock set() takes, or a volatile flag")
    @Graded(id = "is-set-thread-safe", points = 1, timeoutSeconds = 60)
    void isSetSeesWhatSetWrote() {
        try {
            Interleavings.everySchedule()
                    .detectingDataRaces()
                    .given(TrafficLight::new)
                    .thread("light", TrafficLight::set)
                    .thread("watcher", TrafficLight::isSet)
                    .run();
        } catch (InterleavingFailure failure) {
            if ("race".equals(failure.kind())) {
                fail(LightFeedback.racyIsSet(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("Cars waiting at red block: they wait to be woken, they do not keep running")
    @Graded(id = "waiting-burns-no-cpu", points = 2, timeoutSeconds = 30)
    void waitingCarsBurnNoCpu() throws Exception {
        try {
            Controlled.run(() -> {
                TrafficLight light = new TrafficLight();
                try (Cars cars = Cars.start(light, "car", 2, Cars.AWAIT)) {
                    cars.settleStrictly();
                    cars.rethrowFirst();
                }
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                fail(LightFeedback.busyWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** Fails when a car finished its wait while the light was red: it ran the red light. */
    static void failIfAnyDroveOnRed(Cars cars) {
        List<String> drove = cars.finished();
        if (!drove.isEmpty()) {
            cars.rethrowFirst();
            fail(LightFeedback.droveOnRed(drove));
        }
    }
}
