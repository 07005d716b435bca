package kata.light;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.threads.Deadlocks;
import kata.support.threads.Held;
import kata.support.threads.LockNames;
import kata.support.threads.Threads;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The test's own car threads, each making one wait at the light, and how each wait ended. Closing
 * turns the light green, then interrupts and joins the cars still alive, so that a check that fails
 * midway leaves nothing running.
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
     * How long a state that must come may take. It comes within milliseconds; only a bug (a car
     * that is never woken, a wait that never gives up) reaches this bound, so it is no timing
     * assumption.
     */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Car(Thread thread, AtomicReference<Object> answer, AtomicReference<Throwable> thrown,
                       AtomicLong waitedNanos) {
    }

    private final TrafficLight light;
    private final List<Car> cars;

    private Cars(TrafficLight light, List<Car> cars) {
        this.light = light;
        this.cars = cars;
    }

    /** Starts {@code count} cars named {@code name-1, name-2, ...} (just {@code name} for one). */
    static Cars start(TrafficLight light, String name, int count, Drive drive) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        List<Car> cars = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            AtomicReference<Object> answer = new AtomicReference<>();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicLong waitedNanos = new AtomicLong(-1);
            Thread thread = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    answer.set(drive.drive(light));
                } catch (Throwable t) {
                    thrown.set(t);
                } finally {
                    waitedNanos.set(System.nanoTime() - start);
                }
            }, count == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            cars.add(new Car(thread, answer, thrown, waitedNanos));
        }
        cars.forEach(car -> car.thread().start());
        return new Cars(light, List.copyOf(cars));
    }

    /**
     * Waits until every car has got as far as it can while the light stays as it is: finished,
     * waiting to be woken, or spinning. Once there, a car stays there until someone sets the
     * light (or interrupts it), so the state the check then looks at is not about to change.
     */
    void awaitSettled() {
        try {
            Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> cars.stream().allMatch(car -> !car.thread().isAlive()
                            || waitsToBeWoken(car.thread()) || Held.spins(car.thread())));
        } catch (ConditionTimeoutException timedOut) {
            fail(LightFeedback.neverSettled(PATIENCE, describeAlive()));
        }
    }

    /** Waits at most {@code patience} for every car to finish; true if they all did. */
    boolean awaitFinished(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Car car : cars) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(car.thread(), left);
            }
        }
        return alive().isEmpty();
    }

    /** The cars that have finished waiting (returned or thrown), by name. */
    List<String> finished() {
        return cars.stream().filter(c -> !c.thread().isAlive()).map(c -> c.thread().getName()).toList();
    }

    /** The cars still waiting, by name. */
    List<String> waiting() {
        return alive().stream().map(Thread::getName).toList();
    }

    /** The cars that are running (not waiting) with at least {@link Held#SPINNING_CPU}, with their CPU time in ms. */
    Map<String, Long> spinning() {
        Map<String, Long> spinning = new LinkedHashMap<>();
        for (Car car : cars) {
            if (Held.spins(car.thread())) {
                spinning.put(car.thread().getName(), TimeUnit.NANOSECONDS.toMillis(Threads.cpuNanos(car.thread())));
            }
        }
        return spinning;
    }

    /**
     * Throws what the first car that failed got: as it is when unchecked (so that an unwritten
     * method's message reaches the student), else as a failure that names it.
     */
    void rethrowFirst() {
        for (Car car : cars) {
            Throwable thrown = car.thrown().get();
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown != null) {
                fail(LightFeedback.carGot(car.thread().getName(), thrown), thrown);
            }
        }
    }

    /** What the car's wait returned (null for await(), or while it still waits). */
    Object answer(int index) {
        return cars.get(index).answer().get();
    }

    /** What the car's wait threw, if anything. */
    Optional<Throwable> thrown(int index) {
        return Optional.ofNullable(cars.get(index).thrown().get());
    }

    /** How long the car's wait took, once it has finished. */
    Duration waited(int index) {
        return Duration.ofNanos(cars.get(index).waitedNanos().get());
    }

    List<Object> answers() {
        return cars.stream().map(car -> car.answer().get()).toList();
    }

    void interrupt(int index) {
        cars.get(index).thread().interrupt();
    }

    /** What the cars still alive are doing, for a message. */
    String describeAlive() {
        return Deadlocks.describe(alive(), LockNames.none());
    }

    private List<Thread> alive() {
        return cars.stream().map(Car::thread).filter(Thread::isAlive).toList();
    }

    /**
     * True when the thread waits to be woken: in {@code wait()}, a condition's {@code await()}, a
     * latch, a sleep. Not when it is about to take a lock (BLOCKED on a monitor, or parked on a
     * ReentrantLock): that wait ends without a signal, so a car there has not yet got as far as it can.
     */
    private static boolean waitsToBeWoken(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId());
        if (info == null) {
            return false;
        }
        Thread.State state = info.getThreadState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        String lock = info.getLockInfo() == null ? "" : info.getLockInfo().getClassName();
        return !lock.startsWith("java.util.concurrent.locks.ReentrantLock$")
                && !lock.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            light.set();
        } catch (RuntimeException unwritten) {
            // The stub's set() throws; the interrupts below end the cars then.
        }
        alive().forEach(Thread::interrupt);
        awaitFinished(Duration.ofSeconds(1));
    }
}
