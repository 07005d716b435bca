package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The cars are the test's own threads; before looking at them, a check waits until
 * each has got as far as it can (finished, waiting to be woken, or spinning), a state that then
 * stays until the light changes. So what the check sees is the same on every run and on any number
 * of CPUs. The race between set() and await() is explored under the controlled scheduler.
 */
class LightTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    @DisplayName("One thread: a new light is red; after set() it is green, and await() and await(1 s) return at once")
    @Graded(id = "light-alone", points = 1, timeoutSeconds = 30)
    void greenLightFromOneThread() throws InterruptedException {
        TrafficLight light = new TrafficLight();
        if (light.isSet()) {
            fail(LightFeedback.sequential("isSet() on a new light", false, true));
        }

        light.set();
        boolean green = light.isSet();
        light.await();
        boolean timedAnswer = light.await(1, TimeUnit.SECONDS);

        if (!green) {
            fail(LightFeedback.sequential("isSet() after set()", true, false));
        }
        if (!timedAnswer) {
            fail(LightFeedback.sequential("await(1 s) on a green light", true, false));
        }
    }

    @Test
    @DisplayName("While the light is red, 5 waiting cars all stay waiting")
    @Graded(id = "red-holds-cars", points = 2, timeoutSeconds = 30)
    void redLightHoldsEveryCar() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars cars = Cars.start(light, "car", 5, Cars.AWAIT)) {
            cars.awaitSettled();

            failIfAnyDroveOnRed(cars);
        }
    }

    @Test
    @DisplayName("set() lets every one of 5 waiting cars drive")
    @Graded(id = "green-releases-all", points = 3, timeoutSeconds = 30)
    void greenReleasesEveryWaitingCar() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars cars = Cars.start(light, "car", 5, Cars.AWAIT)) {
            cars.awaitSettled();
            failIfAnyDroveOnRed(cars);
            light.set();

            if (!cars.awaitFinished(Cars.PATIENCE)) {
                fail(LightFeedback.notAllReleased("await()", 5, cars.waiting(), Cars.PATIENCE, cars.describeAlive()));
            }
            cars.rethrowFirst();
        }
    }

    @Test
    @DisplayName("While the light is red, await(200 ms) returns false, after at least 200 ms")
    @Graded(id = "timed-wait-times-out", points = 2, timeoutSeconds = 30)
    void timedWaitGivesUpAtRed() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars car = Cars.start(light, "impatient-car", 1,
                red -> red.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))) {
            if (!car.awaitFinished(Cars.PATIENCE)) {
                fail(LightFeedback.neverGaveUp(TIMEOUT, Cars.PATIENCE, car.describeAlive()));
            }
            car.rethrowFirst();
            Object answer = car.answer(0);
            Duration waited = car.waited(0);

            if (!Boolean.FALSE.equals(answer)) {
                fail(LightFeedback.timedAnswerAtRed(TIMEOUT, answer));
            }
            if (waited.compareTo(TIMEOUT) < 0) {
                fail(LightFeedback.gaveUpEarly(TIMEOUT, waited));
            }
        }
    }

    @Test
    @DisplayName("clear() turns the light red again: a car that comes later waits, and the next set() lets it drive")
    @Graded(id = "clear-blocks-again", points = 2, timeoutSeconds = 30)
    void clearMakesLaterCarsWait() throws InterruptedException {
        TrafficLight light = new TrafficLight();
        light.set();
        light.clear();
        if (light.isSet()) {
            fail(LightFeedback.stillGreenAfterClear());
        }

        try (Cars car = Cars.start(light, "late-car", 1, Cars.AWAIT)) {
            car.awaitSettled();
            if (!car.finished().isEmpty()) {
                car.rethrowFirst();
                fail(LightFeedback.droveAfterClear());
            }
            light.set();

            if (!car.awaitFinished(Cars.PATIENCE)) {
                fail(LightFeedback.notAllReleased("await()", 1, car.waiting(), Cars.PATIENCE, car.describeAlive()));
            }
            car.rethrowFirst();
        }
    }

    @Test
    @DisplayName("set() at the same time as await(): the car always drives, in every order of their steps")
    @Graded(id = "no-lost-wakeup", points = 3, timeoutSeconds = 60)
    void setRacingAwaitIsNeverLost() {
        try {
            // Preempting where threads synchronize is enough: the wake-up is lost when the car is
            // paused before it takes the lock, after it has seen red. It also keeps a car that
            // spins on the flag from multiplying the schedules to explore.
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
    @DisplayName("Cars waiting at red use no CPU time: they block, they do not spin")
    @Graded(id = "waiting-burns-no-cpu", points = 2, timeoutSeconds = 30)
    void waitingCarsBurnNoCpu() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars cars = Cars.start(light, "car", 2, Cars.AWAIT)) {
            cars.awaitSettled();
            cars.rethrowFirst();

            Map<String, Long> spinning = cars.spinning();
            if (!spinning.isEmpty()) {
                fail(LightFeedback.busyWaiting(spinning));
            }
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
