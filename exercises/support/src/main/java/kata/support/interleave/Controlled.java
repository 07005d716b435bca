package kata.support.interleave;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kata.support.PublicApi;
import kata.support.agent.StudentCode;
import kata.support.agent.internal.Site;
import kata.support.agent.internal.Sites;
import kata.support.boot.Hooks;
import kata.support.threads.LockNames;

/**
 * Runs a test's own code under the scheduler, with real threads: the test's thread and every thread
 * started from it (by the test or by the code under test, pools included) run one at a time, their
 * locks, waits, parks, joins and sleeps are modelled, and time is virtual. So a test can start five
 * cars at a red light, wait until each has got as far as it can ({@link #settle()}), and look: the
 * state it sees is the same on every run and on any machine. A one-minute time-out passes at once,
 * and fires exactly when it is due.
 *
 * <pre>{@code
 * Controlled.run(() -> {
 *     TrafficLight light = new TrafficLight();
 *     Thread car = new Thread(() -> light.await(), "car");
 *     car.start();
 *     Controlled.settle();                                   // the car now waits at red
 *     assertEquals(Thread.State.WAITING, car.getState());
 *     light.set();
 *     car.join(60_000);                                      // virtual time: no real minute
 *     assertFalse(car.isAlive());
 * });
 * }</pre>
 *
 * <p>A deadlock, a thread stuck for ever, a loop that never ends, or threads that never settle
 * end the run with an {@link InterleavingFailure} that says which threads wait for what, where.
 */
@PublicApi
public final class Controlled {

    /** Steps the other threads may take while the test waits for them to settle. */
    static final long DEFAULT_SETTLE_STEPS = 200_000;
    /** Steps a whole controlled test may take. */
    static final long DEFAULT_MAX_STEPS = 10_000_000;

    /** Runs and scenarios share the JVM's hooks: one at a time. */
    static final Object ONE_AT_A_TIME = new Object();

    /** The test's code. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private Controlled() {
    }

    /**
     * Runs the body on the calling thread, under control, and returns when it returns. Threads the
     * body started and left running go on without control afterwards.
     *
     * @throws InterleavingFailure   when the threads deadlock, are stuck, loop for ever or never settle
     * @throws IllegalStateException when the run cannot be controlled (no kata agent, or code that
     *                               escapes the scheduler): never a silent pass
     */
    public static void run(Body body) throws Exception {
        requireAgent();
        synchronized (ONE_AT_A_TIME) {
            Run.Settings settings = new Run.Settings(DEFAULT_MAX_STEPS, 1_000, Duration.ofSeconds(10), null, false,
                    DEFAULT_SETTLE_STEPS, RaceDetection.NONE);
            Run run = new Run(new Strategies.InOrder(), settings, LockNames.none());
            Actor test = run.adopt(Thread.currentThread(), "test");
            run.root(test);
            Primitives.bind(test);
            Primitives.activate(run);
            run.startWith(test);
            Throwable thrown = null;
            try {
                body.run();
            } catch (ScheduleAbandoned abandoned) {
                // The run failed: reported below.
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                if (thrown != null || run.failure() != null) {
                    run.abandon();
                } else {
                    run.detach();
                }
                Primitives.deactivate(run);
                Primitives.unbind();
            }
            Failure failure = run.failure();
            if (failure != null) {
                if (failure.kind() == Failure.Kind.UNCONTROLLED) {
                    throw new IllegalStateException(failure.headline() + "\n" + failure.details());
                }
                throw new InterleavingFailure(failure, run, LockNames.none(), 1, null);
            }
            if (thrown instanceof Exception exception) {
                throw exception;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * Called by the test inside {@link #run}: lets every other thread run until none of them can go
     * on without time passing or the test acting (each has finished, or waits for a lock, a signal, a
     * permit, a join or a deadline). Threads that keep running instead (a busy wait) fail the run.
     */
    public static void settle() {
        settle(false);
    }

    /**
     * Like {@link #settle()}, but a thread that keeps running without waiting (a busy wait) counts
     * as having got as far as it can, after a fixed number of steps: for checks about what threads
     * do rather than how they wait.
     */
    public static void settleAllowingBusyWaits() {
        settle(true);
    }

    private static void settle(boolean spinningCounts) {
        Run run = Primitives.active();
        Actor test = run == null ? null : run.current;
        if (test == null || test.thread != Thread.currentThread()) {
            throw new IllegalStateException("Controlled.settle() is for the test's own thread inside Controlled.run");
        }
        test.reentry++;
        try {
            Run.Resume resume = run.block(test, new Wait.Quiet(spinningCounts));
            if (resume != Run.Resume.GO) {
                throw ScheduleAbandoned.INSTANCE;
            }
            synchronized (run.lock) {
                run.resumed(test);
            }
        } finally {
            test.reentry--;
        }
    }

    /**
     * Called by the test inside {@link #run}: wakes {@code thread} from its {@code wait()} (or park)
     * without a notify, as the JVM may at any time (a spurious wake-up). Code that waits in a loop
     * re-checks its condition and waits again; code that waits in an {@code if} goes on. Returns
     * false when the thread was not waiting.
     */
    public static boolean wakeSpuriously(Thread thread) {
        Run run = Primitives.active();
        if (run == null || run.current == null || run.current.thread != Thread.currentThread()) {
            throw new IllegalStateException("Controlled.wakeSpuriously is for the test's own thread inside Controlled.run");
        }
        return run.wakeSpuriously(thread);
    }

    /**
     * The threads started under control so far in this run (by the test or by the code under test),
     * in the order they were started; call it from the test's thread inside {@link #run}, or from a
     * scenario's thread (then: the threads started in this schedule, not the scenario's own).
     */
    public static java.util.List<Thread> startedThreads() {
        Run run = Primitives.active();
        if (run == null) {
            throw new IllegalStateException(
                    "Controlled.startedThreads() is for the test's thread inside Controlled.run or a scenario's thread");
        }
        return run.actors().stream().filter(actor -> !actor.root).map(actor -> actor.thread).toList();
    }

    /**
     * True when the thread has ended, or is ending: it waits for nothing, and neither the student's
     * code nor the check's own code is on its stack any more (a pool thread on its way out after
     * {@code awaitTermination} returned, say). A thread that waits for work, or still runs a task, is
     * not ending. Exact inside {@link #run}, where the thread stands still while the test looks.
     */
    public static boolean isEnding(Thread thread) {
        Run run = Primitives.active();
        Actor actor = run == null ? null : run.lookup(thread);
        if (actor == null) {
            return !thread.isAlive();
        }
        if (actor.done) {
            return true;
        }
        if (actor.wait != null) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            boolean platform = type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("kata.support.");
            if (!platform) {
                return false;
            }
        }
        return true;
    }

    /**
     * How long the thread's wait has left before it ends by itself (a timed wait, park, join or sleep),
     * in the run's time; empty when the thread waits without a deadline or does not wait. Exact inside
     * {@link #run}, where the thread stands still while the test looks.
     */
    public static Optional<Duration> timeLeftWaiting(Thread thread) {
        Run run = Primitives.active();
        Actor actor = run == null ? null : run.lookup(thread);
        Wait wait = actor == null ? null : actor.wait;
        if (wait == null || wait.deadline() == Wait.NEVER) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, wait.deadline() - run.clock.nanoTime())));
    }

    /**
     * The object the thread waits on: the monitor of its {@code wait()} or of the {@code synchronized}
     * it waits to enter, or the blocker of its park (a lock's or condition's own object, for the JDK's
     * locks); empty when it waits for none of these, or does not wait. Exact inside {@link #run}.
     */
    public static Optional<Object> waitsOn(Thread thread) {
        Run run = Primitives.active();
        Actor actor = run == null ? null : run.lookup(thread);
        Wait wait = actor == null ? null : actor.wait;
        if (wait instanceof Wait.MonitorWait monitorWait) {
            return Optional.of(monitorWait.monitor);
        }
        if (wait instanceof Wait.MonitorEntry entry) {
            return Optional.of(entry.monitor());
        }
        if (wait instanceof Wait.Park park) {
            return Optional.ofNullable(park.blocker());
        }
        return Optional.empty();
    }

    /**
     * Called by the test inside {@link #run}: the time limit of the thread's wait when it polls. It
     * polls when it waits on a lock, condition or monitor with a limit shorter than {@code least}, and,
     * once the test has let that limit pass (in the run's time) and every thread has got as far as it
     * can, it waits there again. Empty when it waits longer or without a limit, or goes on once the
     * limit has passed (one that then gives up took its limit wrongly, which is no poll). A sleep in a
     * loop is not a wait on a lock: rules about sleeping judge that.
     */
    public static Optional<Duration> pollingLimit(Thread thread, Duration least) throws InterruptedException {
        Optional<Duration> left = timeLeftWaiting(thread);
        if (left.isEmpty() || left.get().compareTo(least) >= 0 || waitsOn(thread).isEmpty()) {
            return Optional.empty();
        }
        TimeUnit.NANOSECONDS.sleep(left.get().toNanos() + 1);
        settleAllowingBusyWaits();
        return waitsOn(thread).isPresent() ? left : Optional.empty();
    }

    private static final int CHECK_LOCKS = Sites.ofCheck(Site.Kind.LOCK, "the check's code");
    private static final int CHECK_UNLOCKS = Sites.ofCheck(Site.Kind.UNLOCKED, "the check's code");

    /**
     * {@code synchronized (monitor) { body }} in a check's own code, seen by the scheduler as the
     * student's code is (a check's classes are not instrumented): in a scenario or inside {@link #run},
     * other threads that want the monitor wait in the model while the body runs. To hold it for a
     * while, park in the body ({@code LockSupport.parkNanos}: virtual time; {@code Thread.sleep} is
     * native on JDK 17 and would pass in real time). Outside control it is plain {@code synchronized}.
     */
    public static void synchronizedOn(Object monitor, Body body) throws Exception {
        Hooks.monitorEnter(monitor, CHECK_LOCKS);
        try {
            synchronized (monitor) {
                body.run();
            }
        } finally {
            // After the real exit, as in instrumented code: the scheduler may hand over here.
            Hooks.monitorExited(monitor, CHECK_UNLOCKS);
        }
    }

    /** True when the calling thread runs under the scheduler. */
    public static boolean active() {
        Run run = Primitives.active();
        return run != null && run.current != null && run.current.thread == Thread.currentThread();
    }

    /** The run's time ({@code System.nanoTime()} as the code under test sees it). */
    public static long nanoTime() {
        return Hooks.nanoTime();
    }

    static void requireAgent() {
        if (!StudentCode.agentActive()) {
            String attach = StudentCode.attachFailure();
            throw new IllegalStateException("This check controls thread scheduling and needs the kata agent,"
                    + " which `mvn verify` and the grader add (-javaagent:kata-support.jar=<classes dir>)"
                    + (attach == null ? "." : "; starting it in this run failed: " + attach));
        }
        if (!StudentCode.instrumentationFailures().isEmpty()) {
            throw new IllegalStateException("The kata agent could not instrument "
                    + StudentCode.instrumentationFailures());
        }
    }
}
