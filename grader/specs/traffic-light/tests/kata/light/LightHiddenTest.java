package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: the timed wait at a light that turns green, and an interrupt while waiting. */
class LightHiddenTest {

    private static final Duration LONG_TIMEOUT = Duration.ofMinutes(1);

    @Test
    @DisplayName("set() lets every one of 4 cars in await(1 min) drive, and each await returns true")
    @Graded(id = "set-releases-timed-waiters", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void greenReleasesEveryTimedWaiter() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars cars = Cars.start(light, "car", 4,
                red -> red.await(LONG_TIMEOUT.toMinutes(), TimeUnit.MINUTES))) {
            cars.awaitSettled();
            if (!cars.finished().isEmpty()) {
                cars.rethrowFirst();
                fail(LightFeedback.timedGaveUpAtOnce(LONG_TIMEOUT, cars.finished(), cars.answers()));
            }
            light.set();

            if (!cars.awaitFinished(Cars.PATIENCE)) {
                fail(LightFeedback.timedNotReleased(LONG_TIMEOUT, 4, cars.waiting(), cars.answers(), Cars.PATIENCE));
            }
            cars.rethrowFirst();
            if (!cars.answers().equals(List.of(true, true, true, true))) {
                fail(LightFeedback.timedAnswerAtGreen(LONG_TIMEOUT, cars.answers()));
            }
        }
    }

    @Test
    @DisplayName("A car waiting at red that is interrupted stops waiting with InterruptedException")
    @Graded(id = "interrupt-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void interruptEndsTheWait() throws InterruptedException {
        TrafficLight light = new TrafficLight();

        try (Cars car = Cars.start(light, "car", 1, Cars.AWAIT)) {
            car.awaitSettled();
            LightTest.failIfAnyDroveOnRed(car);
            car.interrupt(0);

            if (!car.awaitFinished(Cars.PATIENCE)) {
                fail(LightFeedback.ignoredInterrupt(Cars.PATIENCE, car.describeAlive()));
            }
            Throwable thrown = car.thrown(0).orElse(null);
            if (!(thrown instanceof InterruptedException)) {
                if (thrown instanceof UnsupportedOperationException unwritten) {
                    throw unwritten;
                }
                fail(LightFeedback.wrongInterruptOutcome(thrown));
            }
        }
    }
}
