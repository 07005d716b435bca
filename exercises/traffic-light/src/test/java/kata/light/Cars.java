package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;

/**
 * The test's own car threads, each making one wait at the light, and how each wait ended. They run
 * under the scheduler ({@link Controlled#run}): after {@link #settle()} every car has got as far as
 * it can while the light stays as it is (driven on, or waiting to be woken), and time is the run's
 * virtual time, so a one-minute wait costs nothing and a time-out fires exactly when it is due.
 * Closing turns the light green and interrupts the cars still waiting.
 */
final class Cars implements AutoCloseable {

    /** One wait at the light; its answer (the timed wait's boolean, or null). */
    @FunctionalInterface
    interface Drive {
        Object drive(TrafficLight light) throws Exception;
    }

    /** {@code light.await()}. */
    static final Drive AWAIT = light -> {
        light.await();
        return null;
    };

    /**
     * How long a car may take to drive once the light is green, in the run's virtual time. Woken
     * cars drive without any time passing; only a car that is never woken (or that waits out a
     * time-out instead) comes near it.
     */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    private final TrafficLight light;
    private final List<Call<Object>> cars;

    private Cars(TrafficLight light, List<Call<Object>> cars) {
        this.light = light;
        this.cars = cars;
    }

    /** Starts {@code count} cars named {@code name-1, name-2, ...} (just {@code name} for one). */
    static Cars start(TrafficLight light, String name, int count, Drive drive) {
        return new Cars(light, Call.startAll(name, count, () -> drive.drive(light)));
    }

    /**
     * Lets every car get as far as it can. A car that keeps running instead of waiting (a busy wait)
     * counts as waiting here; {@code waiting-burns-no-cpu} is the check about that.
     */
    void settle() {
        Controlled.settleAllowingBusyWaits();
    }

    /** Lets every car get as far as it can: a car that keeps running instead of waiting fails the check. */
    void settleStrictly() {
        Controlled.settle();
    }

    /** Waits at most {@code patience} (virtual time) for every car to finish; true if they all did. */
    boolean awaitFinished(Duration patience) throws InterruptedException {
        for (Call<Object> car : cars) {
            car.awaitEnd(patience);
        }
        return waiting().isEmpty();
    }

    /** The cars that have finished waiting (returned or thrown), by name. */
    List<String> finished() {
        return Call.ended(cars);
    }

    /** The cars still waiting, by name. */
    List<String> waiting() {
        return Call.waiting(cars);
    }

    Call<Object> car(int index) {
        return cars.get(index);
    }

    List<Object> answers() {
        return cars.stream().map(Call::result).toList();
    }

    /**
     * Throws what the first car that failed got: as it is when unchecked (so that an unwritten
     * method's message reaches the student), else as a failure that names it.
     */
    void rethrowFirst() {
        for (Call<Object> car : cars) {
            Throwable thrown = car.thrown().orElse(null);
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown != null) {
                fail(LightFeedback.carGot(car.name(), thrown), thrown);
            }
        }
    }

    /** Where each car still waiting is, for a message. */
    String describeWaiting() {
        return String.join("\n", cars.stream().filter(car -> !car.ended())
                .map(car -> "  \"" + car.name() + "\" waits at " + car.where()).toList());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            light.set();
        } catch (RuntimeException unwritten) {
            // The stub's set() throws; the interrupts below end the cars then.
        }
        Call.stop(cars);
    }
}
