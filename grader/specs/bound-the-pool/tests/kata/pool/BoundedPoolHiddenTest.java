package kata.pool;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import kata.support.threads.Deadlocks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks, under the scheduler like the public ones: the bounds for other sizes and after
 * wake-ups, workers that survive failing tasks and wait without spinning, a submitter interrupted
 * while it waits, and the harder parts of shutdown (idle workers, submitters waiting for room, a
 * termination wait that runs out, in several units).
 */
class BoundedPoolHiddenTest {

    /** A timed call may end this much later than its timeout (a deadline rounded up to milliseconds, say). */
    private static final Duration LATE = Duration.ofMillis(500);

    /** What a task throws: an Error, which only a catch of Throwable (or FutureTask) keeps from the worker. */
    static final class TaskError extends Error {
        private static final long serialVersionUID = 1L;

        TaskError() {
            super("the task failed hard, on purpose");
        }
    }

    @Test
    @DisplayName("The bounds hold for other sizes: 1 worker with a queue of 1, 4 workers with a queue of 2")
    @Graded(id = "bounds-other-sizes", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void boundsHoldForOtherSizes() throws Exception {
        Controlled.run(() -> BoundedPoolTest.assertSubmitWaitsWhenFull(1, 1, "tiny"));
        Controlled.run(() -> BoundedPoolTest.assertSubmitWaitsWhenFull(4, 2, "wide"));
    }

    @Test
    @DisplayName("The bound holds when waiting submitters wake up without room (spurious wake-ups) and with two submitters competing for each freed place; no wake-up is lost: every task runs")
    @Graded(id = "bound-after-wakeups", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void boundHoldsAfterWakeUps() throws Exception {
        AtomicBoolean boundKept = new AtomicBoolean();
        Controlled.run(() -> {
            int workers = 2;
            int capacity = 2;
            int each = 6;
            boolean aloneKeepsTheBound;
            try (PoolScene alone = PoolScene.of(workers, capacity, "alone")) {
                PoolScene.Submitter only = alone.submitter("submitter", alone.heldTasks(each));
                alone.settle();
                aloneKeepsTheBound = only.accepted() == workers + capacity;
            }
            try (PoolScene scene = PoolScene.of(workers, capacity, "crowded")) {
                PoolScene.Submitter first = scene.submitter("submitter-1", scene.heldTasks(each));
                PoolScene.Submitter second = scene.submitter("submitter-2", scene.heldTasks(each));
                List<PoolScene.Submitter> submitters = List.of(first, second);
                scene.settle();
                for (PoolScene.Submitter submitter : submitters) {
                    if (submitter.failure() instanceof RuntimeException unchecked
                            && !(unchecked instanceof RejectedExecutionException)) {
                        throw unchecked;
                    }
                }
                int accepted = accepted(submitters);
                if (accepted > workers + capacity && aloneKeepsTheBound) {
                    fail(boundBrokenByTwoSubmitters(scene, accepted - scene.entered(), scene.inside()));
                }
                if (accepted != workers + capacity) {
                    return; // A wrong bound: submit-blocks-when-full and bounds-other-sizes judge it.
                }
                boundKept.set(true);
                for (int round = 0; round <= 2 * each; round++) {
                    for (PoolScene.Submitter submitter : submitters) {
                        if (!submitter.done()) {
                            Controlled.wakeSpuriously(submitter.call().thread());
                        }
                    }
                    scene.settle();
                    int queued = accepted(submitters) - scene.entered();
                    if (queued > capacity || scene.inside() > workers) {
                        fail(PoolFeedback.boundBrokenAfterWakeUps(scene, round, queued, scene.inside()));
                    }
                    if (first.done() && second.done()) {
                        break;
                    }
                    scene.letOut(1);
                    scene.settle();
                    queued = accepted(submitters) - scene.entered();
                    if (queued > capacity || scene.inside() > workers) {
                        fail(PoolFeedback.boundBrokenAfterRelease(scene, round + 1, queued, scene.inside()));
                    }
                }
                scene.letEveryoneOut();
                for (PoolScene.Submitter submitter : submitters) {
                    if (!submitter.call().awaitEnd(PoolScene.PATIENCE)) {
                        fail(PoolFeedback.wakeUpLost(scene, submitter, scene.describePoolThreads()));
                    }
                    PoolScene.rethrow(submitter.call());
                }
                for (PoolScene.Submitter submitter : submitters) {
                    PoolScene.valuesOf(submitter.futures(), "the tasks of \"" + submitter.name() + "\"");
                }
            }
        });
        if (boundKept.get() && !busyWaits()) {
            aSubmitterArrivingAsRoomFreesKeepsTheBound();
            twoPlacesFreedInARowWakeBothSubmitters();
        }
    }

    /** Whether an idle worker busy-waits (idle-workers-wait judges it): every order of its spins is too many to explore. */
    private static boolean busyWaits() throws Exception {
        try {
            Controlled.run(() -> {
                try (PoolScene scene = PoolScene.of(1, 1, "probe")) {
                    Controlled.settle();
                }
            });
            return false;
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                return true;
            }
            throw failure;
        }
    }

    /**
     * From a scenario's thread: shuts the pool down and joins the threads it started (a minute of
     * virtual time each); true when one of them outlived shutdown(), which the shutdown checks judge.
     */
    private static boolean workerOutlivesShutdown(BoundedPool pool) throws InterruptedException {
        pool.shutdown();
        boolean outlived = false;
        for (Thread worker : Controlled.startedThreads()) {
            worker.join(TimeUnit.MINUTES.toMillis(1));
            outlived |= worker.isAlive();
        }
        return outlived;
    }

    /** One schedule of {@link #aSubmitterArrivingAsRoomFreesKeepsTheBound}. */
    private static final class Crowd {
        final CountDownLatch published = new CountDownLatch(1);
        /** The first late submitter is about to submit: the first task ends, and the worker takes the second. */
        final CountDownLatch firstArrives = new CountDownLatch(1);
        /** The worker has taken the second task: the second late submitter arrives. */
        final CountDownLatch secondTaken = new CountDownLatch(1);
        final CountDownLatch bothReturned = new CountDownLatch(2);
        final AtomicInteger returned = new AtomicInteger();
        /** How many of the two late submits had returned when the second task ended. */
        final AtomicInteger returnedWhileSecondRan = new AtomicInteger(-1);
        volatile BoundedPool pool;
        /** The owner's own submits were rejected: other checks judge a pool that rejects instead of waiting. */
        volatile boolean refused;
        /** A worker outlived shutdown(): the shutdown checks judge that. */
        volatile boolean workerOutlivedShutdown;
        /** The worker ran a task holding a lock: n-at-once judges that (the submitters would wait for the task). */
        volatile boolean taskRanUnderLock;

        void submitLate(int value) throws Exception {
            if (refused) {
                bothReturned.countDown();
                return;
            }
            try {
                pool.submit(() -> value);
                returned.incrementAndGet();
            } catch (RejectedExecutionException rejected) {
                // Rejecting instead of waiting: submit-blocks-when-full judges that.
            } finally {
                bothReturned.countDown();
            }
        }
    }

    /**
     * A pool of 1 worker and a queue of 1, full, with one submitter waiting for room; as the worker
     * takes the queued task (and wakes that submitter), a second submitter arrives (latches bring each
     * thread in at its moment, so one deviation from taking turns is enough: either submitter first at
     * the lock, or a preemption between a check for room and the add). In every such order, at most
     * one of the two may get its task in while the worker still runs the taken one. A submitter that
     * waited in an {@code if} adds its task even when the newcomer took the lock first and filled the
     * freed place (a lock or monitor is not handed to the thread that was woken); so does one that
     * checks for room and adds in two separate steps. No spurious wake-up is needed.
     */
    private static void aSubmitterArrivingAsRoomFreesKeepsTheBound() {
        AtomicBoolean judgedElsewhere = new AtomicBoolean();
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(1)
                    .given(Crowd::new)
                    .thread("owner", crowd -> {
                        BoundedPool pool = new BoundedPool(1, 1, "crowded");
                        crowd.pool = pool;
                        try {
                            pool.submit(() -> {
                                crowd.firstArrives.await();
                                return 0;
                            });
                            pool.submit(() -> {
                                if (!Deadlocks.heldByCurrentThread().isEmpty()) {
                                    crowd.taskRanUnderLock = true;
                                    crowd.secondTaken.countDown();
                                    return 1;
                                }
                                crowd.secondTaken.countDown();
                                // Virtual time: in a pool that keeps the bound, only one late submit can
                                // return while this task runs, and the minute passes at once.
                                crowd.bothReturned.await(1, TimeUnit.MINUTES);
                                crowd.returnedWhileSecondRan.set(crowd.returned.get());
                                return 1;
                            });
                        } catch (RejectedExecutionException rejected) {
                            crowd.refused = true;
                            crowd.firstArrives.countDown();
                            crowd.secondTaken.countDown();
                        } finally {
                            crowd.published.countDown();
                        }
                        crowd.bothReturned.await();
                        crowd.workerOutlivedShutdown = workerOutlivesShutdown(pool);
                    })
                    .lockNames(crowd -> Map.of(crowd.bothReturned, "the test's latch \"both late submits returned\"",
                            crowd.secondTaken, "the test's latch \"the worker took the second task\"",
                            crowd.firstArrives, "the test's latch \"the first late submitter arrives\"",
                            crowd.published, "the test's latch \"the pool is made\""))
                    .thread("submitter-1", crowd -> {
                        crowd.published.await();
                        crowd.firstArrives.countDown();
                        crowd.submitLate(2);
                    })
                    .thread("submitter-2", crowd -> {
                        crowd.secondTaken.await();
                        crowd.submitLate(3);
                    })
                    .check(crowd -> {
                        if (crowd.workerOutlivedShutdown || crowd.taskRanUnderLock) {
                            // Other checks judge these; every further schedule would leave a thread behind.
                            judgedElsewhere.set(true);
                            throw new AssertionError("judged by other checks");
                        }
                        if (crowd.returnedWhileSecondRan.get() > 1) {
                            fail(boundBrokenByNewcomer());
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (judgedElsewhere.get()) {
                return;
            }
            if (failure.noThreadCanContinue()) {
                fail(newcomerWakeUpLost() + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
    }

    /** One schedule of {@link #twoPlacesFreedInARowWakeBothSubmitters}. */
    private static final class Draining {
        final CountDownLatch published = new CountDownLatch(1);
        final CountDownLatch arrived = new CountDownLatch(2);
        final CountDownLatch go = new CountDownLatch(1);
        final CountDownLatch bothReturned = new CountDownLatch(2);
        volatile BoundedPool pool;
        volatile boolean refused;
        volatile boolean workerOutlivedShutdown;

        void submitLate(int value) throws Exception {
            published.await();
            arrived.countDown();
            try {
                if (!refused) {
                    pool.submit(() -> value);
                }
            } catch (RejectedExecutionException rejected) {
                // Rejecting instead of waiting: submit-blocks-when-full judges that.
            } finally {
                bothReturned.countDown();
            }
        }
    }

    /**
     * A pool of 1 worker and a queue of 2, full, with two submitters waiting for room; then the worker
     * finishes its task and takes the two queued ones, quick, one after the other. Each take frees a
     * place, so each must wake a submitter, also the second, taken from a queue that was no longer
     * full. In every order with up to one deviation from taking turns, both submits must return.
     */
    private static void twoPlacesFreedInARowWakeBothSubmitters() {
        AtomicBoolean judgedElsewhere = new AtomicBoolean();
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(1)
                    .given(Draining::new)
                    .thread("owner", draining -> {
                        BoundedPool pool = new BoundedPool(1, 2, "draining");
                        draining.pool = pool;
                        try {
                            pool.submit(() -> {
                                draining.go.await();
                                return 0;
                            });
                            pool.submit(() -> 1);
                            pool.submit(() -> 2);
                        } catch (RejectedExecutionException rejected) {
                            draining.refused = true;
                        } finally {
                            draining.published.countDown();
                        }
                        draining.arrived.await();
                        draining.go.countDown();
                        draining.bothReturned.await();
                        draining.workerOutlivedShutdown = workerOutlivesShutdown(pool);
                    })
                    .lockNames(draining -> Map.of(draining.bothReturned, "the test's latch \"both submits returned\"",
                            draining.arrived, "the test's latch \"both submitters arrived\"",
                            draining.go, "the test's latch \"the first task may end\"",
                            draining.published, "the test's latch \"the pool is made\""))
                    .thread("submitter-1", draining -> draining.submitLate(3))
                    .thread("submitter-2", draining -> draining.submitLate(4))
                    .check(draining -> {
                        if (draining.workerOutlivedShutdown) {
                            judgedElsewhere.set(true);
                            throw new AssertionError("judged by other checks");
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (judgedElsewhere.get()) {
                return;
            }
            if (failure.noThreadCanContinue()) {
                fail(secondFreedPlaceLost() + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
    }

    private static int accepted(List<PoolScene.Submitter> submitters) {
        return submitters.stream().mapToInt(PoolScene.Submitter::accepted).sum();
    }

    @Test
    @DisplayName("A worker survives tasks that throw an exception or an Error (both reach the future as the cause), also one that set its thread's interrupt flag, and runs the next task on the same thread")
    @Graded(id = "survives-failing-tasks", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void workersSurviveFailingTasks() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(1, 4, "sturdy")) {
                IllegalArgumentException exception = new IllegalArgumentException("bad input");
                TaskError error = new TaskError();
                Future<Integer> throwsError = scene.pool().submit(() -> {
                    throw error;
                });
                Future<Integer> throwsException = scene.pool().submit(BoundedPoolTest.throwing(exception));
                Future<Integer> next = scene.pool().submit(scene.quick(3));
                BoundedPoolTest.expectThrown(throwsError, error, "a task throwing an Error");
                BoundedPoolTest.expectThrown(throwsException, exception,
                        "a task throwing IllegalArgumentException(\"bad input\")");
                Object third = BoundedPoolTest.outcome(next);
                if (!Integer.valueOf(3).equals(third) || scene.poolThreads().size() != 1) {
                    fail(PoolFeedback.workerDied(third, scene.poolThreads(), scene.describePoolThreads()));
                }
            }
            // A task that gives up on an interrupt restores its thread's flag and throws: the flag is still
            // set when the worker goes back for the next task.
            try (PoolScene scene = PoolScene.of(1, 4, "flagged")) {
                IllegalStateException gaveUp = new IllegalStateException("gave up");
                Future<Integer> interrupted = scene.pool().submit(() -> {
                    Thread.currentThread().interrupt();
                    throw gaveUp;
                });
                Future<Integer> next = scene.pool().submit(scene.quick(3));
                BoundedPoolTest.expectThrown(interrupted, gaveUp,
                        "a task that set its thread's interrupt flag and threw IllegalStateException(\"gave up\")");
                Object second = BoundedPoolTest.outcome(next);
                if (!Integer.valueOf(3).equals(second) || scene.poolThreads().size() != 1) {
                    fail(workerDiedOfInterrupt(second, scene.poolThreads(), scene.describePoolThreads()));
                }
            }
        });
    }

    private static String workerDiedOfInterrupt(Object second, List<Thread> poolThreads, String threads) {
        return "A pool of 1 worker ran a task that set its own thread's interrupt flag and threw (as a task that gives"
                + " up on an interrupt does); the next task (returning 3) should run on the same worker, but its get() "
                + PoolFeedback.describeOutcome(second) + ", and the pool's threads were " + PoolFeedback.names(poolThreads)
                + ". Live:\n" + threads + "\nThe pool never interrupts its workers, so an interrupt a worker finds"
                + " comes from a task: it is no request to stop. Clear it (Thread.interrupted()) before the worker"
                + " waits for its next task, or wait in a way an interrupt does not end.";
    }

    @Test
    @DisplayName("Idle workers wait for work without running (no busy-waiting), before the first task and after some")
    @Graded(id = "idle-workers-wait", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void idleWorkersWait() throws Exception {
        try {
            Controlled.run(() -> {
                try (PoolScene scene = PoolScene.of(3, 2, "idle")) {
                    Controlled.settle();
                    PoolScene.valuesOf(List.of(scene.pool().submit(scene.quick(0)),
                            scene.pool().submit(scene.quick(1))), "two quick tasks");
                    Controlled.settle();
                }
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                fail(PoolFeedback.busyWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("shutdown() ends idle workers at once (no time passes), in a pool that ran tasks and in one that never did; awaitTermination then returns true; and in every order of shutdown() and a worker taking a task, no task runs interrupted")
    @Graded(id = "shutdown-ends-idle-workers", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void shutdownEndsIdleWorkers() throws Exception {
        Controlled.run(() -> {
            for (boolean used : new boolean[] {true, false}) {
                try (PoolScene scene = PoolScene.of(3, 2, used ? "used" : "unused")) {
                    if (used) {
                        PoolScene.valuesOf(List.of(scene.pool().submit(scene.quick(0)),
                                scene.pool().submit(scene.quick(1))), "two quick tasks");
                    }
                    scene.settle();
                    long before = Controlled.nanoTime();
                    scene.shutdown();
                    scene.settle();
                    if (!scene.livePoolThreads().isEmpty() || Controlled.nanoTime() != before) {
                        fail(PoolFeedback.idleNotEnded(scene, used, scene.describePoolThreads()));
                    }
                    if (!scene.pool().awaitTermination(Duration.ofSeconds(1))) {
                        fail(PoolFeedback.awaitFalseAfterEnd(scene));
                    }
                }
            }
        });
        shutdownReachesAnIdleWorkerInEveryOrder();
        shutdownInterruptsNoTaskInEveryOrder();
    }

    /**
     * shutdown() racing with a worker that takes the queued task, in every order of their steps: a
     * shutdown that interrupts the workers it believes idle must never hit one that has just taken a
     * task ("interrupt only the idle ones: a running task is never interrupted"). A worker marked
     * busy only after it let go of the lock is still "idle" when shutdown() looks.
     */
    private static void shutdownInterruptsNoTaskInEveryOrder() throws Exception {
        if (judgedByOtherChecks()) {
            return;
        }
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                    .given(AtomicBoolean::new)
                    .thread("owner", ranInterrupted -> {
                        BoundedPool pool = new BoundedPool(1, 1, "racing");
                        pool.submit(() -> {
                            if (Thread.currentThread().isInterrupted()) {
                                ranInterrupted.set(true);
                            }
                            return 0;
                        });
                        pool.shutdown();
                        // Virtual time: a worker that never ends (judged above) costs nobody a minute.
                        for (Thread worker : Controlled.startedThreads()) {
                            worker.join(TimeUnit.MINUTES.toMillis(1));
                        }
                    })
                    // A scenario starts at least two threads; the pool's worker is the other that matters.
                    .thread("bystander", ranInterrupted -> { })
                    .check(ranInterrupted -> {
                        if (ranInterrupted.get()) {
                            fail(taskInterruptedByShutdown());
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(PoolFeedback.idleMissedShutdown() + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
    }

    /**
     * shutdown() racing with a worker that is about to wait or has just woken, in every order of
     * their steps: a shutdown that wakes the workers before it records the state they look at lets
     * one of them look too early and wait again for ever.
     */
    private static void shutdownReachesAnIdleWorkerInEveryOrder() {
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                    .given(AtomicBoolean::new)
                    .thread("owner", ended -> {
                        BoundedPool pool = new BoundedPool(1, 1, "racing");
                        pool.shutdown();
                        // Joined, not awaitTermination: that one is judged by its own checks. Virtual
                        // time: a worker that never ends costs a minute of nobody's time.
                        boolean all = true;
                        for (Thread worker : Controlled.startedThreads()) {
                            worker.join(TimeUnit.MINUTES.toMillis(1));
                            all &= !worker.isAlive();
                        }
                        ended.set(all);
                    })
                    // A scenario starts at least two threads; the pool's worker is the other that matters.
                    .thread("bystander", ended -> { })
                    .check(ended -> {
                        if (!ended.get()) {
                            fail(PoolFeedback.idleMissedShutdown());
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(PoolFeedback.idleMissedShutdown() + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("Two submits waiting for room when shutdown() is called both throw RejectedExecutionException at once, also when room frees just after, in every order; the accepted tasks still run")
    @Graded(id = "shutdown-rejects-waiting-submitter", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void shutdownRejectsWaitingSubmitters() throws Exception {
        AtomicBoolean workersEnd = new AtomicBoolean();
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(1, 1, "closing")) {
                PoolScene.Submitter first = scene.submitter("submitter-1", scene.heldTasks(3));
                scene.settle();
                PoolScene.Submitter second = scene.submitter("submitter-2", List.of(scene.held(9)));
                scene.settle();
                if (first.accepted() != 2 || first.done() || second.done()) {
                    return; // Submit does not wait for room: the checks about the bound judge that.
                }
                // Threads that shutdown() itself starts (a pool that starts one per task is n-at-once's).
                List<Thread> before = scene.poolThreads();
                scene.shutdown();
                List<Thread> started = new ArrayList<>(scene.poolThreads());
                started.removeAll(before);
                if (!started.isEmpty()) {
                    fail(shutdownStartedAThread(started));
                }
                scene.settle();
                for (PoolScene.Submitter submitter : List.of(first, second)) {
                    if (!(submitter.failure() instanceof RejectedExecutionException)) {
                        fail(PoolFeedback.waitingSubmitterNotRejected(submitter, submitter.done(),
                                submitter.call().where()));
                    }
                }
                scene.letEveryoneOut();
                List<Integer> values = PoolScene.valuesOf(first.futures(), "the 2 tasks accepted before shutdown()");
                if (!values.equals(PoolScene.upTo(2))) {
                    fail(PoolFeedback.queuedResults(values));
                }
                scene.settle();
                workersEnd.set(scene.livePoolThreads().isEmpty());
            }
        });
        // Pools whose workers stay after shutdown (shutdown-ends-idle-workers) would pile up over the
        // orders explored, one pool per order, until the grader's thread limit stops the check.
        if (workersEnd.get()) {
            roomAfterShutdownInEveryOrder();
        }
    }

    private static String shutdownStartedAThread(List<Thread> started) {
        return "A pool of 1 worker, its queue full, was shut down, and shutdown() started "
                + PoolFeedback.names(started) + ": a thread of its own. The pool runs on its"
                + " workers only and starts no other thread; shutdown() returns at once and lets the workers find out"
                + " for themselves (a flag they look at, and a signalAll() to wake the idle ones), with no helper thread"
                + " to deliver anything to them.";
    }

    /** The submitter's outcome in one schedule: null accepted, else what it threw; NOT_JUDGED when the setup was refused. */
    private static final Throwable NOT_JUDGED = new Throwable("the pool refused the setup's own tasks");

    /**
     * A submitter waits for room; shutdown() is called, and only then does the running task end and
     * free a place: in every order of their steps the submitter is rejected, since shutdown() came
     * first. A submitter woken by shutdown() that finds room by the time it runs, and stops looking at
     * the flag once there is room, queues its task after shutdown(). Run only for pools whose
     * submitters wait for room and whose workers end (judged by the bound and shutdown checks), and
     * whose workers neither spin nor are interrupted while running (judgedByOtherChecks).
     */
    private static void roomAfterShutdownInEveryOrder() throws Exception {
        if (judgedByOtherChecks()) {
            return;
        }
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                    .given(AtomicReference<Throwable>::new)
                    .thread("owner", submitted -> {
                        BoundedPool pool = new BoundedPool(1, 1, "closing");
                        CountDownLatch running = new CountDownLatch(1);
                        try {
                            pool.submit(() -> {
                                running.await();
                                return 0;
                            });
                            pool.submit(() -> 1);
                        } catch (RejectedExecutionException refused) {
                            submitted.set(NOT_JUDGED); // a pool that refuses when full: the bound checks judge it
                            pool.shutdown();
                            running.countDown();
                            return;
                        }
                        Thread submitter = new Thread(() -> {
                            try {
                                pool.submit(() -> 2);
                                submitted.set(null);
                            } catch (Throwable thrown) {
                                submitted.set(thrown);
                            }
                        }, "submitter");
                        submitted.set(new IllegalStateException("the submitter has not returned"));
                        submitter.start();
                        pool.shutdown();
                        running.countDown();
                        // Virtual time: threads that never end (judged elsewhere) cost nobody a minute.
                        for (Thread thread : Controlled.startedThreads()) {
                            thread.join(TimeUnit.MINUTES.toMillis(1));
                        }
                    })
                    // A scenario starts at least two threads; the pool's are the others that matter.
                    .thread("bystander", submitted -> { })
                    .check(submitted -> {
                        Throwable outcome = submitted.get();
                        if (outcome != NOT_JUDGED && !(outcome instanceof RejectedExecutionException)) {
                            fail(acceptedAfterShutdown(outcome));
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            // Threads that all end up waiting here: a lost wake-up of the pool, judged by bound-after-wakeups
            // and shutdown-ends-idle-workers.
        }
    }

    private static String acceptedAfterShutdown(Throwable outcome) {
        return "A pool of 1 worker with a queue of 1, both full, and a submitter waiting for room; shutdown() was"
                + " called, and only then did the running task end and free a place. In the order of steps below"
                + " the submitter " + (outcome == null ? "was accepted" : "threw " + outcome) + ", though shutdown()"
                + " came before there was any room: it must throw RejectedExecutionException. A submitter that wakes"
                + " up checks the shutdown flag every time, before it looks for room, under the same lock.";
    }

    @Test
    @DisplayName("A submit waiting for room throws InterruptedException when its thread is interrupted, and its task is not queued; with two submits waiting, the first or the second interrupted, the other takes the next freed place and a later submit finds room; interrupted just as the worker takes a task, in every order: if it threw, a later submit finds room, if it returned, its task runs")
    @Graded(id = "submit-interruptible", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void submitIsInterruptible() throws Exception {
        AtomicBoolean leavesTheLine = new AtomicBoolean();
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(1, 1, "interrupted")) {
                PoolScene.Submitter submitter = scene.submitter("submitter", scene.heldTasks(3));
                scene.settle();
                if (submitter.accepted() != 2 || submitter.done()) {
                    return; // Submit does not wait for room: the checks about the bound judge that.
                }
                submitter.call().interrupt();
                scene.settle();
                if (!(submitter.failure() instanceof InterruptedException)) {
                    fail(PoolFeedback.interruptIgnored(submitter.done(), submitter.failure(),
                            submitter.call().where()));
                }
                scene.letEveryoneOut();
                PoolScene.valuesOf(submitter.futures(), "the 2 tasks accepted");
                scene.shutdown();
                scene.pool().awaitTermination(PoolScene.PATIENCE);
                if (scene.entered() != 2) {
                    fail(PoolFeedback.interruptedTaskRan(scene.entered()));
                }
            }
            for (int gone = 0; gone < 2; gone++) {
                if (!interruptedWaiterLeavesTheLine(gone)) {
                    return;
                }
            }
            leavesTheLine.set(true);
        });
        if (leavesTheLine.get() && !judgedByOtherChecks()) {
            interruptAsAPlaceFreesLeavesNoPlaceBehind();
        }
    }

    /** One schedule of {@link #interruptAsAPlaceFreesLeavesNoPlaceBehind}. */
    private static final class Interrupted {
        final CountDownLatch published = new CountDownLatch(1);
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch firstEnds = new CountDownLatch(1);
        final CountDownLatch secondTaken = new CountDownLatch(1);
        final CountDownLatch secondEnds = new CountDownLatch(1);
        final CountDownLatch submitEnded = new CountDownLatch(1);
        final CountDownLatch lateGo = new CountDownLatch(1);
        final CountDownLatch lateIn = new CountDownLatch(1);
        final CountDownLatch taskRan = new CountDownLatch(1);
        volatile BoundedPool pool;
        volatile Thread submitter;
        /** What the interrupted submit threw; null when it returned (its task queued). */
        volatile Throwable outcome;
        /** Whether the late submit, tried only after an InterruptedException, was in while the second task ran. */
        volatile boolean lateInWhileSecondRan;
        volatile Throwable lateOutcome;
        /** Whether the submit's task ran, when the submit returned. */
        volatile boolean acceptedTaskRan;
        /** The setup's own submits were refused, or another check's bug showed: not judged here. */
        volatile boolean judgedElsewhere;
    }

    /**
     * A pool of 1 worker and a queue of 1, full (the running task held by the test), and a submitter
     * waiting for room; the running task, as it ends, interrupts the submitter, so the interrupt
     * races with the worker taking the queued task and freeing a place. In every order with up to one
     * deviation from taking turns (the submitter waking to its interrupt while the worker holds the
     * lock and hands out the place, say): a submit that threw InterruptedException queued nothing, so
     * once the worker runs the taken task the queue is empty and a later submit goes in at once; a
     * submit that returned queued its task, which runs. A pool that hands the freed place to the
     * first waiter loses it for good when that waiter throws instead of using it.
     */
    private static void interruptAsAPlaceFreesLeavesNoPlaceBehind() {
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(1)
                    .given(Interrupted::new)
                    .thread("owner", state -> {
                        BoundedPool pool = new BoundedPool(1, 1, "racing");
                        state.pool = pool;
                        try {
                            pool.submit(() -> {
                                state.firstEnds.await();
                                // From the worker, right before it takes the queued task: in plain turns the
                                // interrupt reaches the waiting submit just as the place frees.
                                Thread submitter = state.submitter;
                                if (submitter != null) { // null only when the setup was refused
                                    submitter.interrupt();
                                }
                                return 0;
                            });
                            pool.submit(() -> {
                                state.secondTaken.countDown();
                                state.secondEnds.await();
                                return 1;
                            });
                        } catch (RejectedExecutionException rejected) {
                            state.judgedElsewhere = true;
                            state.firstEnds.countDown();
                            state.secondEnds.countDown();
                            state.secondTaken.countDown();
                        } finally {
                            state.published.countDown();
                        }
                        state.arrived.await();
                        state.firstEnds.countDown();
                        state.submitEnded.await();
                        state.secondTaken.await();
                        if (state.outcome instanceof InterruptedException && !state.judgedElsewhere) {
                            // The queue is empty now: the late submit must not wait, so the minute (virtual
                            // time) passes only when it does.
                            state.lateGo.countDown();
                            state.lateInWhileSecondRan = state.lateIn.await(1, TimeUnit.MINUTES);
                        }
                        state.lateGo.countDown();
                        state.secondEnds.countDown();
                        if (state.outcome == null) {
                            // Before shutdown(): a pool that drops queued tasks there is shutdown-finishes-queued's.
                            state.acceptedTaskRan = state.taskRan.await(1, TimeUnit.MINUTES);
                        }
                        if (workerOutlivesShutdown(pool)) {
                            state.judgedElsewhere = true;
                        }
                    })
                    .lockNames(state -> Map.of(state.published, "the test's latch \"the pool is made\"",
                            state.arrived, "the test's latch \"the submitter arrived\"",
                            state.firstEnds, "the test's latch \"the first task may end\"",
                            state.secondTaken, "the test's latch \"the worker took the second task\"",
                            state.secondEnds, "the test's latch \"the second task may end\"",
                            state.submitEnded, "the test's latch \"the interrupted submit ended\"",
                            state.lateGo, "the test's latch \"the late submitter may go\"",
                            state.lateIn, "the test's latch \"the late submit returned\"",
                            state.taskRan, "the test's latch \"the interrupted submit's task ran\""))
                    .thread("submitter", state -> {
                        state.submitter = Thread.currentThread();
                        state.published.await();
                        state.arrived.countDown();
                        try {
                            state.pool.submit(() -> {
                                state.taskRan.countDown();
                                return 2;
                            });
                            state.outcome = null;
                        } catch (InterruptedException | RuntimeException thrown) {
                            state.outcome = thrown;
                        } finally {
                            state.submitEnded.countDown();
                        }
                    })
                    .thread("late", state -> {
                        state.lateGo.await();
                        if (state.outcome instanceof InterruptedException && !state.judgedElsewhere) {
                            try {
                                state.pool.submit(() -> 3);
                            } catch (RuntimeException thrown) {
                                state.lateOutcome = thrown;
                            } finally {
                                state.lateIn.countDown();
                            }
                        }
                    })
                    .check(state -> {
                        if (state.judgedElsewhere) {
                            return;
                        }
                        if (state.outcome instanceof InterruptedException) {
                            if (!state.lateInWhileSecondRan || state.lateOutcome != null) {
                                fail(placeLostToAnInterrupt(state.lateInWhileSecondRan, state.lateOutcome));
                            }
                            if (state.taskRan.getCount() == 0) {
                                fail(taskOfRacingInterruptRan());
                            }
                        } else if (state.outcome == null && !state.acceptedTaskRan) {
                            fail(taskOfRacingSubmitLost());
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
            // Threads that all end up waiting: a lost wake-up (bound-after-wakeups), or a task run under the
            // pool's lock (n-at-once).
        }
    }

    /**
     * A pool of 1 worker and a queue of 1, full, two submitters waiting for room; the one at
     * {@code gone} (0: the first to wait, 1: the second) is interrupted. The other must take the next
     * freed place, and once the worker has taken every queued task, a new submit must find room: an
     * interrupted waiter that keeps its turn in a line (a ticket, a reserved place) blocks everyone
     * behind it. False when submit does not wait here (the bound checks judge that).
     */
    private static boolean interruptedWaiterLeavesTheLine(int gone) throws Exception {
        try (PoolScene scene = PoolScene.of(1, 1, "line")) {
            PoolScene.Submitter filler = scene.submitter("submitter", scene.heldTasks(2));
            scene.settle();
            PoolScene.Submitter first = scene.submitter("waiting-1", List.of(scene.held(10)));
            scene.settle();
            PoolScene.Submitter second = scene.submitter("waiting-2", List.of(scene.held(20)));
            scene.settle();
            if (filler.accepted() != 2 || first.done() || second.done()) {
                return false;
            }
            PoolScene.Submitter interrupted = gone == 0 ? first : second;
            PoolScene.Submitter other = gone == 0 ? second : first;
            interrupted.call().interrupt();
            scene.settle();
            if (!(interrupted.failure() instanceof InterruptedException)) {
                fail(PoolFeedback.interruptIgnored(interrupted.done(), interrupted.failure(),
                        interrupted.call().where()));
            }
            if (other.done()) {
                fail(otherWentInWithoutRoom(interrupted, other));
            }
            // The running task ends and the worker takes the queued one: one place frees, for the other.
            scene.letOut(1);
            scene.settle();
            if (!other.done() || other.failure() != null) {
                fail(placeKeptByInterrupted(interrupted, other, other.call().where()));
            }
            // The worker takes the other's task: the queue is empty, so a new submit goes in at once.
            scene.letOut(1);
            scene.settle();
            PoolScene.Submitter late = scene.submitter("late", List.of(scene.held(30)));
            scene.settle();
            if (!late.done() || late.failure() != null) {
                fail(roomLostAfterInterrupt(interrupted, other, late));
            }
            scene.letEveryoneOut();
            PoolScene.valuesOf(other.futures(), "the task of \"" + other.name() + "\"");
            PoolScene.valuesOf(late.futures(), "the task of \"late\"");
            scene.shutdown();
            scene.pool().awaitTermination(PoolScene.PATIENCE);
            if (scene.entered() != 4) {
                fail(PoolFeedback.interruptedTaskRan(scene.entered()) + " (The test's tasks: 2, one of \""
                        + other.name() + "\", one of \"late\".)");
            }
            return true;
        }
    }

    private static String placeLostToAnInterrupt(boolean returned, Throwable lateOutcome) {
        return "A pool of 1 worker with a queue of 1, both full (the running task held by the test), and a submit"
                + " waiting for room: the running task, as it ended, interrupted the waiting submit. In the order of"
                + " steps below the interrupt came as the worker took the queued task, and the submit threw"
                + " InterruptedException; the worker then ran the taken task, so the queue was empty. A new submit"
                + " should go in at once, but it " + (returned ? "threw " + lateOutcome
                : "waited for room (a minute, until shutdown())") + ".\nThe place the worker freed was lost: handed"
                + " to (or counted for) the waiter that then gave up. A submit that throws InterruptedException must"
                + " give back a place handed to it, under the lock, and pass it to the next waiter.";
    }

    private static String taskOfRacingInterruptRan() {
        return "A pool of 1 worker with a queue of 1, both full, and a submit waiting for room, interrupted just as"
                + " the worker took the queued task: in the order of steps below the submit threw"
                + " InterruptedException, yet its task ran. A submit that throws has not accepted its task: either"
                + " queue the task and return, or throw and leave the queue as it was.";
    }

    private static String taskOfRacingSubmitLost() {
        return "A pool of 1 worker with a queue of 1, both full, and a submit waiting for room, interrupted just as"
                + " the worker took the queued task: in the order of steps below the submit returned a future, but"
                + " its task never ran, though the worker was free. A submit that returns has"
                + " accepted its task, interrupted or not: the task must be queued and run.";
    }

    private static String placeKeptByInterrupted(PoolScene.Submitter interrupted, PoolScene.Submitter other,
                                                 String where) {
        return "A pool of 1 worker with a queue of 1, both full, and two submits waiting for room: \""
                + interrupted.name() + "\" was interrupted and threw InterruptedException. Then the running task"
                + " ended and the worker took the queued one, freeing a place, but \"" + other.name() + "\" "
                + (other.done() ? "threw " + other.failure() : "still waits at " + where) + ".\nA submit that gives"
                + " up on an interrupt leaves the line without a trace: the freed place goes to a submitter still"
                + " waiting.";
    }

    private static String otherWentInWithoutRoom(PoolScene.Submitter interrupted, PoolScene.Submitter other) {
        return "A pool of 1 worker with a queue of 1, both full (the running task held by the test), and two submits"
                + " waiting for room: \"" + interrupted.name() + "\" was interrupted, and then \"" + other.name()
                + "\" " + (other.failure() == null ? "was accepted" : "threw " + other.failure()) + ", though no"
                + " place had freed. An interrupted submit frees no place: the others go on waiting (re-check the room"
                + " in a while loop after every wake-up).";
    }

    private static String roomLostAfterInterrupt(PoolScene.Submitter interrupted, PoolScene.Submitter other,
                                                 PoolScene.Submitter late) {
        return "A pool of 1 worker with a queue of 1, and two submits waiting for room: \"" + interrupted.name()
                + "\" was interrupted and threw InterruptedException, \"" + other.name() + "\" got the next freed"
                + " place, and the worker took that task too: the queue was empty. A new submit should go in at"
                + " once, but it " + (late.done() ? "threw " + late.failure() : "waits at " + late.call().where())
                + ".\nThe interrupted submit left something behind: a turn in a line that nobody serves now, or a"
                + " place counted as taken. When a waiting submit throws InterruptedException, undo everything it"
                + " holds (pass its turn on, give back a place handed to it) under the lock, and wake the next.";
    }

    @Test
    @DisplayName("awaitTermination waits at most its timeout (2 s, 500 ms, 1500 µs, 0; false while a task still runs, with 3 workers) and returns true once every worker has ended, also for an idle pool awaited right after shutdown(); interrupted while it waits, it throws InterruptedException")
    @Graded(id = "await-termination-times-out", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void awaitTerminationTimesOut() throws Exception {
        Controlled.run(() -> {
            // A start between two milliseconds: a deadline kept in whole milliseconds shows.
            TimeUnit.MICROSECONDS.sleep(300);
            for (Duration timeout : List.of(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofNanos(1_500_000))) {
                try (PoolScene scene = PoolScene.of(3, 1, "ending")) {
                    List<Future<Integer>> futures = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        futures.add(scene.pool().submit(scene.held(i)));
                    }
                    scene.settle();
                    scene.shutdown();
                    Call<Boolean> awaiter = scene.call("awaiter", () -> scene.pool().awaitTermination(timeout));
                    if (!awaiter.awaitEnd(PoolScene.PATIENCE)) {
                        fail(PoolFeedback.awaitNeverReturned(timeout, awaiter.where()));
                    }
                    PoolScene.rethrow(awaiter);
                    if (!Boolean.FALSE.equals(awaiter.result())) {
                        fail(PoolFeedback.awaitTrueWhileRunning(timeout, scene.inside(), scene.describePoolThreads()));
                    }
                    if (awaiter.took().compareTo(timeout.plus(LATE)) > 0 || awaiter.took().compareTo(timeout) < 0) {
                        fail(PoolFeedback.awaitTook(timeout, awaiter.took()));
                    }
                    // Woken meanwhile: two of the three workers end, one after the other, while the third still
                    // runs its task. The timeout counts from the call, not from the last worker that ended.
                    Call<Boolean> woken = scene.call("woken-awaiter", () -> scene.pool().awaitTermination(timeout));
                    scene.settle();
                    int wakeUps = 0;
                    for (int ending = 0; ending < 2 && !woken.ended(); ending++) {
                        TimeUnit.NANOSECONDS.sleep(timeout.toNanos() / 3);
                        scene.letOut(1);
                        scene.settle();
                        wakeUps++;
                    }
                    if (!woken.awaitEnd(PoolScene.PATIENCE)) {
                        fail(PoolFeedback.awaitNeverReturned(timeout, woken.where()));
                    }
                    PoolScene.rethrow(woken);
                    if (Boolean.FALSE.equals(woken.result()) && woken.took().compareTo(timeout.plus(LATE)) > 0) {
                        fail(awaitRestartedByWakeUps(timeout, woken.took(), wakeUps));
                    }
                    scene.letEveryoneOut();
                    // At once, before the workers have run on: the call must wait for them, within its timeout.
                    boolean ended = scene.pool().awaitTermination(timeout);
                    if (!ended) {
                        fail(PoolFeedback.awaitFalseAlthoughEnding(timeout));
                    }
                    if (!scene.livePoolThreads().isEmpty()) {
                        fail(PoolFeedback.awaitTrueWhileAlive(timeout, scene.describePoolThreads()));
                    }
                    PoolScene.valuesOf(futures, "the 3 held tasks");
                }
            }
            // A timeout of zero asks "ended yet?": false at once while a task runs (join(0) would wait for ever).
            try (PoolScene scene = PoolScene.of(2, 1, "zero")) {
                Future<Integer> held = scene.pool().submit(scene.held(0));
                scene.settle();
                scene.shutdown();
                Call<Boolean> awaiter = scene.call("awaiter", () -> scene.pool().awaitTermination(Duration.ZERO));
                if (!awaiter.awaitEnd(PoolScene.PATIENCE)) {
                    fail(PoolFeedback.awaitNeverReturned(Duration.ZERO, awaiter.where()) + " A timeout of zero (or"
                            + " less) does not wait at all: join(0) waits for ever.");
                }
                PoolScene.rethrow(awaiter);
                if (!Boolean.FALSE.equals(awaiter.result())) {
                    fail(PoolFeedback.awaitTrueWhileRunning(Duration.ZERO, scene.inside(), scene.describePoolThreads()));
                }
                if (awaiter.took().compareTo(LATE) > 0) {
                    fail(PoolFeedback.awaitTook(Duration.ZERO, awaiter.took()));
                }
                scene.letEveryoneOut();
                PoolScene.valuesOf(List.of(held), "the held task");
            }
            // Interrupted while it waits for a worker that still runs a task: an interrupt asks the caller to
            // stop waiting, and "false" would read as "time ran out" (a caller looping on it would spin).
            try (PoolScene scene = PoolScene.of(2, 1, "awaited")) {
                Future<Integer> held = scene.pool().submit(scene.held(0));
                scene.settle();
                scene.shutdown();
                Call<Boolean> awaiter = scene.call("awaiter", () -> scene.pool().awaitTermination(PoolScene.PATIENCE));
                scene.settle();
                if (!awaiter.ended()) { // returned at once, with tasks running: judged above
                    awaiter.interrupt();
                    scene.settle();
                    if (!(awaiter.thrown().orElse(null) instanceof InterruptedException)) {
                        fail(awaitInterruptIgnored(awaiter));
                    }
                }
                scene.letEveryoneOut();
                PoolScene.valuesOf(List.of(held), "the held task");
            }
            // An idle pool shut down and awaited at once: its workers have been told to end but have not run
            // yet. "No task left" is not "every worker ended".
            try (PoolScene scene = PoolScene.of(3, 1, "idle")) {
                scene.settle();
                scene.shutdown();
                Duration timeout = Duration.ofSeconds(2);
                // False here means workers that never end: shutdown-ends-idle-workers judges that.
                if (scene.pool().awaitTermination(timeout) && !scene.livePoolThreads().isEmpty()) {
                    fail(PoolFeedback.awaitTrueWhileAlive(timeout, scene.describePoolThreads()));
                }
            }
        });
    }

    // ---- messages of these checks (kept here: the public feedback class is in the students' repository) ----

    /**
     * Whether the race above would only find what other checks judge in plain order: workers that spin
     * instead of waiting (idle-workers-wait; their steps also make every order too many to explore), or
     * a shutdown() that interrupts a task it finds running (shutdown-finishes-queued).
     */
    private static boolean judgedByOtherChecks() throws Exception {
        AtomicBoolean interruptsRunningTask = new AtomicBoolean();
        try {
            Controlled.run(() -> {
                try (PoolScene scene = PoolScene.of(1, 1, "plain")) {
                    Controlled.settle();
                    scene.pool().submit(scene.held(0));
                    scene.settle();
                    // From a thread of its own: a shutdown() that waits for the running task (judged by
                    // shutdown-finishes-queued) must not stop this look.
                    scene.call("shutdown caller", () -> {
                        scene.shutdown();
                        return null;
                    });
                    scene.settle();
                    scene.letEveryoneOut();
                    scene.settle();
                    interruptsRunningTask.set(!scene.interruptedTasks().isEmpty());
                }
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                return true;
            }
            throw failure;
        }
        return interruptsRunningTask.get();
    }

    private static String taskInterruptedByShutdown() {
        return "A pool of 1 worker with one task submitted, then shutdown(): in one order of the threads' steps,"
                + " shutdown() interrupted the worker just as it took the task, and the task ran on an interrupted"
                + " thread. A running task is never interrupted: a worker that takes a task must stop being"
                + " \"idle\" in the same step, under the same lock that shutdown() holds while it picks whom to"
                + " interrupt (or wake idle workers with signalAll/notifyAll or poison pills, not interrupts).";
    }

    private static String awaitInterruptIgnored(Call<Boolean> awaiter) {
        String seen = !awaiter.ended() ? "still waits at " + awaiter.where()
                : awaiter.thrown().isPresent() ? "threw " + awaiter.thrown().get() : "returned " + awaiter.result();
        return "A shut-down pool of 2 workers, one of them running a task that does not end: \"" + awaiter.name()
                + "\" called awaitTermination(" + PoolFeedback.describe(PoolScene.PATIENCE) + ") and, while it waited,"
                + " was interrupted. It should throw InterruptedException, but it " + seen + ".\nAn interrupt asks the"
                + " waiting thread to stop waiting: let the InterruptedException of join (or await) out, as the method"
                + " declares. Returning false says \"the time ran out\", which it did not: a caller that loops while"
                + " awaitTermination returns false would spin, every join failing at once.";
    }

    private static String awaitRestartedByWakeUps(Duration timeout, Duration took, int wakeUps) {
        return "A shut-down pool of 3 workers, one of them running a task that does not end: awaitTermination("
                + PoolFeedback.describe(timeout) + ") returned false only after " + PoolFeedback.describe(took)
                + ", much later than its timeout: " + wakeUps + " of the workers ended meanwhile, one after the"
                + " other, and each one that ended seems to start the whole timeout again. \"At most its timeout in"
                + " all, however many workers\": compute the deadline once (System.nanoTime() + timeout.toNanos())"
                + " and, after each wake-up or join, wait only for the time that is left.";
    }

    private static String boundBrokenByTwoSubmitters(PoolScene scene, int queued, int inside) {
        return scene.describe() + " with two submitters of held tasks: before any task finished, " + queued
                + " tasks were queued and " + inside + " running, but at most " + scene.capacity() + " and "
                + scene.workers() + " (one submitter alone kept the bound). When a worker takes a task and wakes a"
                + " waiting submitter, the other submitter may take the lock first and fill the freed place: wait in"
                + " a while loop that re-checks the room after every wake-up, and check and add in one step under"
                + " the lock.";
    }

    private static String boundBrokenByNewcomer() {
        return "A pool of 1 worker with a queue of 1, full, and one submitter waiting for room: in one order of the"
                + " threads' steps, as the worker took the queued task a second submitter arrived, and both submits"
                + " returned while the worker still ran that task: 2 tasks queued with a queue of 1.\nA woken"
                + " submitter must still win the lock back, and the newcomer may get there first and fill the freed"
                + " place: wait in a while loop that re-checks the room after every wake-up, not in an if, and check"
                + " for room and add the task in one step under the lock.";
    }

    private static String secondFreedPlaceLost() {
        return "A pool of 1 worker with a queue of 2, full, and two submitters waiting for room: the worker took the"
                + " two queued tasks one after the other, freeing two places, but a submitter waited for room for ever."
                + " A wake-up was lost: every task a worker takes frees a place, so wake a waiting submitter after every"
                + " take (not only when the queue was full before it: the first woken submitter may not have refilled"
                + " it yet), or wake them all.";
    }

    private static String newcomerWakeUpLost() {
        return "A pool of 1 worker with a queue of 1, full, one submitter waiting for room and a second one arriving:"
                + " in one order of the threads' steps, a submit waited for room for ever although the worker freed"
                + " places. A wake-up was lost: wake a waiting submitter every time a worker takes a task, under the"
                + " same lock as the change it signals.";
    }
}
