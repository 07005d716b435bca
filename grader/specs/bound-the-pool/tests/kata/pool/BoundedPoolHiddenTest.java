package kata.pool;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
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
        Controlled.run(() -> {
            int workers = 2;
            int capacity = 2;
            int each = 6;
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
                if (accepted(submitters) != workers + capacity) {
                    return; // A wrong bound: submit-blocks-when-full and bounds-other-sizes judge it.
                }
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
    }

    private static int accepted(List<PoolScene.Submitter> submitters) {
        return submitters.stream().mapToInt(PoolScene.Submitter::accepted).sum();
    }

    @Test
    @DisplayName("A worker survives tasks that throw an exception or an Error (both reach the future as the cause), and runs the next task on the same thread")
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
        });
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
    @DisplayName("shutdown() ends idle workers at once (no time passes), in a pool that ran tasks and in one that never did; awaitTermination then returns true")
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
            if ("stuck".equals(failure.kind()) || "deadlock".equals(failure.kind())) {
                fail(PoolFeedback.idleMissedShutdown() + "\n" + failure.getMessage(), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("Two submits waiting for room when shutdown() is called both throw RejectedExecutionException at once; the accepted tasks still run")
    @Graded(id = "shutdown-rejects-waiting-submitter", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void shutdownRejectsWaitingSubmitters() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(1, 1, "closing")) {
                PoolScene.Submitter first = scene.submitter("submitter-1", scene.heldTasks(3));
                scene.settle();
                PoolScene.Submitter second = scene.submitter("submitter-2", List.of(scene.held(9)));
                scene.settle();
                if (first.accepted() != 2 || first.done() || second.done()) {
                    return; // Submit does not wait for room: the checks about the bound judge that.
                }
                scene.shutdown();
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
            }
        });
    }

    @Test
    @DisplayName("A submit waiting for room throws InterruptedException when its thread is interrupted, and its task is not queued")
    @Graded(id = "submit-interruptible", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void submitIsInterruptible() throws Exception {
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
        });
    }

    @Test
    @DisplayName("awaitTermination waits at most its timeout (2 s, 500 ms, 1500 µs; false while a task still runs, with 3 workers) and returns true once every worker has ended")
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
        });
    }
}
