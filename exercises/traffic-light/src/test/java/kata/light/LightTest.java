package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
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
    /** 1500 µs is no whole number of milliseconds; a negative time-out has run out before the call. */
    private static final List<Timeout> TIMEOUTS = List.of(new Timeout(200, TimeUnit.MILLISECONDS),
            new Timeout(2, TimeUnit.SECONDS), new Timeout(500, TimeUnit.MICROSECONDS),
            new Timeout(1500, TimeUnit.MICROSECONDS), new Timeout(0, TimeUnit.MILLISECONDS),
            new Timeout(-1, TimeUnit.MILLISECONDS));

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
    @DisplayName("One thread: a new light is red; after set() it is green (also after a second set()), and await(), await(1 s), await(0) and await(-1 ms) return at once")
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
        // A time-out that has run out already limits only the wait at red: at green the answer is true.
        if (!light.await(-1, TimeUnit.MILLISECONDS)) {
            fail(LightFeedback.runOutTimeoutAtGreen("await(-1, MILLISECONDS)"));
        }
    }

    private static void expect(String what, boolean expected, boolean actual) {
        if (actual != expected) {
            fail(LightFeedback.sequential(what, expected, actual));
        }
    }

    @Test
    @DisplayName("While the light is red, 5 waiting cars all stay waiting (also with another light green, and when one wakes without set(): a spurious wake-up); a car at another light waits on a lock of its own light")
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

                // A car at a second red light waits on an object of that light, not on one every light shares.
                try (Cars other = Cars.start(new TrafficLight(), "other-car", 1, Cars.AWAIT)) {
                    other.settle();
                    Optional<Object> mine = Controlled.waitsOn(cars.car(0).thread());
                    // A static lock is no-static-state's business.
                    if (mine.isPresent() && mine.equals(Controlled.waitsOn(other.car(0).thread()))
                            && other.finished().isEmpty() && !inStaticField(mine.get())) {
                        fail(LightFeedback.lockSharedByEveryLight(mine.get()));
                    }
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
    @DisplayName("At red, await(200 ms), await(2 s), await(500 µs), await(1500 µs), await(0) and await(-1 ms) return false, each after its time-out (not before, and not much later, also when woken meanwhile without a set(), or by a set() and at once clear())")
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
                        if (thrown instanceof UnsupportedOperationException unwritten) {
                            throw unwritten;
                        }
                        fail(LightFeedback.timedCallThrew(timeout.toString(), thrown), thrown);
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
                wokenCarGivesUpInTime(light, timeout, "woken-car", Call::wakeEvery,
                        LightFeedback::timeoutRestartedByWakeUps);
            }
            // Woken by set() and at once clear() (a Condition's await returns only when signalled): the car
            // may drive, or wait on; if it waits on, its time-out still counts from the call.
            for (Timeout timeout : TIMEOUTS.subList(0, 2)) {
                wokenCarGivesUpInTime(light, timeout, "flashed-car", (car, every, until) -> flashEvery(light, car,
                        every, until), LightFeedback::timeoutRestartedByFlashes);
            }
        });
    }

    /** Wakes a waiting car every {@code every} until {@code until} after its call; returns how many times. */
    @FunctionalInterface
    private interface Waker {
        int wake(Call<Object> car, Duration every, Duration until) throws InterruptedException;
    }

    /** What to say of a car that, woken this many times, gave up only after this long. */
    @FunctionalInterface
    private interface LateAfterWakeUps {
        String message(String call, Duration waited, int wakeUps);
    }

    /** A car in a timed wait at red, woken meanwhile: if it still waits, it gives up by its time-out. */
    private static void wokenCarGivesUpInTime(TrafficLight light, Timeout timeout, String name, Waker waker,
                                              LateAfterWakeUps late) throws InterruptedException {
        Call<Object> car = Call.start(name, () -> light.await(timeout.amount(), timeout.unit()));
        try {
            int wakeUps = waker.wake(car, timeout.duration().dividedBy(WAKE_UPS_PER_TIMEOUT),
                    timeout.duration().plus(LATE));
            if (!car.awaitEnd(Cars.PATIENCE)) {
                fail(LightFeedback.neverGaveUp(timeout.toString(), Cars.PATIENCE, car.name() + " waits at "
                        + car.where()));
            }
            if (car.thrown().isEmpty() && Boolean.FALSE.equals(car.result())
                    && car.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                fail(late.message(timeout.toString(), car.took(), wakeUps));
            }
        } finally {
            Call.stop(List.of(car));
        }
    }

    /**
     * Every {@code every} (virtual time) until {@code until} after the car's call, while it waits: set()
     * and at once clear(), with no step of the car between them. Returns how many times.
     */
    private static int flashEvery(TrafficLight light, Call<Object> car, Duration every, Duration until)
            throws InterruptedException {
        int flashes = 0;
        Controlled.settleAllowingBusyWaits();
        long end = car.startNanos() + until.toNanos();
        while (!car.ended() && Controlled.nanoTime() + every.toNanos() <= end) {
            TimeUnit.NANOSECONDS.sleep(every.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (!car.ended()) {
                light.set();
                light.clear();
                flashes++;
                Controlled.settleAllowingBusyWaits();
            }
        }
        return flashes;
    }

    /** How often a woken timed car is woken again: a time-out restarted at each wake-up never runs out. */
    private static final int WAKE_UPS_PER_TIMEOUT = 4;

    @Test
    @DisplayName("clear() turns the light red again: a car that comes later waits, and the next set() lets it drive; clear() at red changes nothing for the cars waiting; a car that waits on through set() and at once clear() drives at the next set(), also when the other of two cars drove and called clear(), in every order; two clear() at once with a car arriving, in every order")
    @Graded(id = "clear-blocks-again", points = 2, timeoutSeconds = 30)
    void clearMakesLaterCarsWait() throws Exception {
        boolean waitsOnAfterSpuriousWakeUp = waitsOnAfterSpuriousWakeUp();
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
                // Still red after that clear(): a car that wakes without set() waits on. (One that drives
                // on any spurious wake-up, an if instead of a while, is red-holds-cars' business.)
                if (waitsOnAfterSpuriousWakeUp) {
                    Controlled.wakeSpuriously(car.car(0).thread());
                    car.settle();
                    if (!car.finished().isEmpty()) {
                        car.rethrowFirst();
                        fail(LightFeedback.droveAfterClearOnRed(car.finished()));
                    }
                }
                light.set();

                if (!car.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.strandedByClear(car.waiting(), car.describeWaiting()));
                }
                car.rethrowFirst();
            }
            // The same for a car in a timed wait: when its time runs out at red, it gets false. (A timed
            // wait that does not wait, or never gives up, is timed-wait-times-out's business.)
            light.clear();
            try (Cars car = Cars.start(light, "timed-car", 1, red -> red.await(200, TimeUnit.MILLISECONDS))) {
                car.settle();
                if (car.finished().isEmpty()) {
                    light.clear();
                    if (car.awaitFinished(Cars.PATIENCE)) {
                        car.rethrowFirst();
                        if (Boolean.TRUE.equals(car.answers().get(0))) {
                            fail(LightFeedback.timedTrueAfterClearOnRed());
                        }
                    }
                }
            }
            // set() and at once clear() while a car waits: it may drive, or wait on for the next set() (the
            // README accepts both), but then that set() lets it drive. One car, as above.
            light.clear();
            try (Cars car = Cars.start(light, "flashed-car", 1, Cars.AWAIT)) {
                car.settle();
                failIfAnyDroveOnRed(car);
                light.set();
                light.clear();
                car.settle();
                light.set();

                if (!car.awaitFinished(Cars.PATIENCE)) {
                    fail(LightFeedback.strandedBySetThenClear(car.waiting(), car.describeWaiting()));
                }
                car.rethrowFirst();
            }
        });
        twoCarsThroughSetClearSet();
        clearsRacingACar();
    }

    /** A red light and two cars at it; each car that drives turns it red behind it; set() again once one has. */
    static final class SetClearSet {
        final TrafficLight light = new TrafficLight();
        final CountDownLatch cleared = new CountDownLatch(1);

        void car() throws InterruptedException {
            light.await();
            // clear() from the car that drove: right after it drove, before the other car got to run, is
            // then the first order the exploration tries, not one that costs a preemption.
            light.clear();
            cleared.countDown();
        }

        void light() throws InterruptedException {
            light.set();
            cleared.await();
            light.set();
        }
    }

    /**
     * Two cars at a red light; set(), and clear() by the car that drives, then set() again: in every order
     * of their steps (one preemption, at a synchronization), both drive, since the last clear() by a car
     * that drove comes before its set() or strands nobody. The other car may wait on through the clear():
     * what set() knows of the cars waiting must still count it (a single "somebody waits" flag, reset by
     * the car that drove, forgets it).
     */
    private static void twoCarsThroughSetClearSet() throws Exception {
        try {
            Interleavings.everySchedule().preemptions(1)
                    .preemptingOnlyAtSynchronization()
                    .given(SetClearSet::new)
                    .thread("car-1", SetClearSet::car)
                    .thread("car-2", SetClearSet::car)
                    .thread("light", SetClearSet::light)
                    .run();
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            // A car that can miss set() fails no-lost-wakeup for that; one set() that wakes one car of
            // several fails green-releases-all.
            if (!losesSetRacingAwait() && !leavesACarAtGreen()) {
                fail(LightFeedback.strandedAfterOtherDrove(failure.getMessage()), failure);
            }
        }
    }

    /** Whether set() leaves one of two cars waiting at red still waiting at green (green-releases-all's scenario). */
    private static boolean leavesACarAtGreen() throws Exception {
        boolean[] left = new boolean[1];
        Controlled.run(() -> {
            TrafficLight light = new TrafficLight();
            try (Cars cars = Cars.start(light, "car", 2, Cars.AWAIT)) {
                cars.settle();
                light.set();
                left[0] = !cars.awaitFinished(Cars.PATIENCE);
            }
        });
        return left[0];
    }

    /** Whether a car waiting at a light that stays red waits on when it wakes without set(). */
    private static boolean waitsOnAfterSpuriousWakeUp() throws Exception {
        boolean[] waitsOn = new boolean[1];
        Controlled.run(() -> {
            try (Cars car = Cars.start(new TrafficLight(), "car", 1, Cars.AWAIT)) {
                car.settle();
                Controlled.wakeSpuriously(car.car(0).thread());
                car.settle();
                waitsOn[0] = car.finished().isEmpty();
            }
        });
        return waitsOn[0];
    }

    /** A green light, two clear() calls and a car at the same time, then set() once both clear() returned. */
    static final class TwoClears {
        final TrafficLight light = new TrafficLight();
        final CountDownLatch cleared = new CountDownLatch(2);

        TwoClears() {
            light.set();
        }

        void clear() {
            light.clear();
            cleared.countDown();
        }

        void setOnceCleared() throws InterruptedException {
            cleared.await();
            light.set();
        }
    }

    /**
     * Two clear() calls on a green light at the same time, while a car arrives, then set(): in every
     * order of their steps (one preemption, at any step) the car drives. A clear() that checks "green?"
     * and then starts a new red phase in a second step can throw away the phase the car already waits on.
     */
    private static void clearsRacingACar() {
        try {
            Interleavings.everySchedule().preemptions(1)
                    .given(TwoClears::new)
                    .thread("clear-1", TwoClears::clear)
                    .thread("clear-2", TwoClears::clear)
                    .thread("car", clears -> clears.light.await())
                    .thread("light", TwoClears::setOnceCleared)
                    .run();
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            // A car that can miss set() with no clear() at all fails no-lost-wakeup for that.
            if (!losesSetRacingAwait()) {
                fail(LightFeedback.strandedByRacingClears(failure.getMessage()), failure);
            }
        }
    }

    /** Whether set() racing await() (no-lost-wakeup's scenario) leaves the car waiting in some order. */
    private static boolean losesSetRacingAwait() {
        try {
            setRacingAwait();
            return false;
        } catch (InterleavingFailure failure) {
            return "stuck".equals(failure.kind());
        }
    }

    @Test
    @DisplayName("set() at the same time as await(): the car always drives, in every order of their steps")
    @Graded(id = "no-lost-wakeup", points = 3, timeoutSeconds = 60)
    void setRacingAwaitIsNeverLost() {
        try {
            setRacingAwait();
        } catch (InterleavingFailure failure) {
            if ("stuck".equals(failure.kind())) {
                fail(LightFeedback.lostWakeUp(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    private static void setRacingAwait() {
        // Preempting where threads synchronize is enough: the wake-up is lost when the car is paused
        // before it takes the lock, after it has seen red.
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(TrafficLight::new)
                .thread("car", TrafficLight::await)
                .thread("light", TrafficLight::set)
                .check(light -> {
                    if (!light.isSet()) {
                        fail(LightFeedback.sequential("isSet() after set() and await() both returned", true, false));
                    }
                });
    }

    @Test
    @DisplayName("isSet(), await(0) and await() called while set() runs in another thread, and isSet() and set() while clear() does, read the light safely: under the lock set() and clear() take, or a volatile flag")
    @Graded(id = "is-set-thread-safe", points = 1, timeoutSeconds = 60)
    void isSetSeesWhatSetWrote() {
        readsWithoutRace("isSet()", Writer.SET, TrafficLight::isSet);
        // A car's own look at the light races the same way (a "fast path" before the lock).
        readsWithoutRace("await(0, ms)", Writer.SET, light -> light.await(0, TimeUnit.MILLISECONDS));
        // A car that can miss set() would stop this exploration at its lost wake-up: no-lost-wakeup's business.
        if (!losesSetRacingAwait()) {
            readsWithoutRace("await()", Writer.SET, TrafficLight::await);
        }
        // clear() writes the colour too: "nobody waits for red" needs no notify, but still the lock (or volatile).
        readsWithoutRace("isSet()", Writer.CLEAR, TrafficLight::isSet);
        // set() that first looks whether the light is green already (a "fast path") reads what clear() writes.
        readsWithoutRace("set()", Writer.CLEAR, TrafficLight::set);
    }

    /** A call that changes the colour, and the light it starts from. */
    private record Writer(String call, Supplier<TrafficLight> light, Scenario.Task<TrafficLight> write) {
        static final Writer SET = new Writer("set()", TrafficLight::new, TrafficLight::set);
        static final Writer CLEAR = new Writer("clear()", Writer::green, TrafficLight::clear);

        private static TrafficLight green() {
            TrafficLight light = new TrafficLight();
            light.set();
            return light;
        }
    }

    private static void readsWithoutRace(String call, Writer writer, Scenario.Task<TrafficLight> watcher) {
        try {
            Interleavings.everySchedule()
                    .detectingDataRaces()
                    .given(writer.light())
                    .thread("light", writer.write())
                    .thread("watcher", watcher)
                    .run();
        } catch (InterleavingFailure failure) {
            if ("race".equals(failure.kind())) {
                fail(LightFeedback.racyRead(call, writer.call(), failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("Cars waiting at red in await() block: they wait to be woken, without a time limit, and cars in await(2 h) wait until woken or their deadline, not in shorter waits; they do not keep running")
    @Graded(id = "waiting-burns-no-cpu", points = 2, timeoutSeconds = 30)
    void waitingCarsBurnNoCpu() throws Exception {
        try {
            Controlled.run(() -> {
                TrafficLight light = new TrafficLight();
                try (Cars cars = Cars.start(light, "car", 2, Cars.AWAIT);
                     Cars timed = Cars.start(light, "timed-car", 2, red -> red.await(2, TimeUnit.HOURS))) {
                    cars.settleStrictly();
                    cars.rethrowFirst();
                    timed.rethrowFirst();
                    // A timed car waits until set() or its deadline, two hours away: not in shorter waits either.
                    for (Cars kind : List.of(cars, timed)) {
                        String call = kind == cars ? "await()" : "await(2 h)";
                        for (int i = 0; i < 2; i++) {
                            Call<Object> car = kind.car(i);
                            Optional<Duration> limit = Controlled.pollingLimit(car.thread(), POLL);
                            if (limit.isPresent()) {
                                fail(LightFeedback.polls(car.name(), call, limit.get(), kind.describeWaiting()));
                            }
                        }
                    }
                }
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                fail(LightFeedback.busyWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** Whether a static field of the student's classes holds the object. */
    private static boolean inStaticField(Object value) {
        for (Class<?> type = TrafficLight.class; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    try {
                        field.setAccessible(true);
                        if (field.get(null) == value) {
                            return true;
                        }
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        // not one we can look at: judged as not holding it
                    }
                }
            }
        }
        return false;
    }

    /**
     * A car in await() whose wait ends by itself sooner than this polls the light: it wakes again and
     * again at red. (A wait of Long.MAX_VALUE nanoseconds, about 292 years, is as good as none.)
     */
    private static final Duration POLL = Duration.ofHours(1);

    /** Fails when a car finished its wait while the light was red: it ran the red light. */
    static void failIfAnyDroveOnRed(Cars cars) {
        List<String> drove = cars.finished();
        if (!drove.isEmpty()) {
            cars.rethrowFirst();
            fail(LightFeedback.droveOnRed(drove));
        }
    }
}
