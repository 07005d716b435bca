package kata.pool;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the bounds for other sizes, workers that survive failing tasks and wait without
 * spinning, and the harder parts of shutdown (idle workers, a submitter waiting for room, a
 * termination wait that runs out).
 */
class BoundedPoolHiddenTest {

    /** Short enough to keep the check quick; while the test holds a task, the answer cannot be true anyway. */
    private static final Duration BRIEFLY = Duration.ofMillis(200);

    @Test
    @DisplayName("The bounds hold for other sizes: 1 worker with a queue of 1, 4 workers with a queue of 2")
    @Graded(id = "bounds-other-sizes", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void boundsHoldForOtherSizes() {
        BoundedPoolTest.assertSubmitWaitsWhenFull(1, 1, "tiny");
        BoundedPoolTest.assertSubmitWaitsWhenFull(4, 2, "wide");
    }

    @Test
    @DisplayName("A worker survives tasks that throw an exception or an error, and runs the next task")
    @Graded(id = "survives-failing-tasks", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void workersSurviveFailingTasks() throws Exception {
        try (PoolScene scene = PoolScene.of(1, 4, "sturdy")) {
            IllegalArgumentException exception = new IllegalArgumentException("bad input");
            Error error = new Error("task failed hard");
            Future<Integer> throwsException = scene.pool().submit(PoolScene.throwing(exception));
            Future<Integer> throwsError = scene.pool().submit(PoolScene.throwingError(error));
            Future<Integer> next = scene.pool().submit(() -> 3);

            Outcome<Integer> first = Outcome.of(throwsException);
            Outcome<Integer> second = Outcome.of(throwsError);
            Outcome<Integer> third = Outcome.of(next);

            if (first.thrown() != exception) {
                fail(PoolFeedback.wrongResult("a task throwing IllegalArgumentException(\"bad input\")",
                        "ExecutionException caused by that exception", first));
            }
            if (second.thrown() != error) {
                fail(PoolFeedback.errorLost(second));
            }
            if (!third.returnedNormally() || third.value() != 3) {
                fail(PoolFeedback.workerDied(third, scene.describePoolThreads()));
            }
        }
    }

    @Test
    @DisplayName("Idle workers wait for work without running (no busy-waiting)")
    @Graded(id = "idle-workers-wait", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void idleWorkersWait() throws Exception {
        try (PoolScene scene = PoolScene.of(3, 3, "idle")) {
            for (int i = 0; i < 6; i++) {
                int value = i;
                PoolScene.valuesOf(List.of(scene.pool().submit(() -> value)));
            }

            boolean parked = Eventually.holds(() -> scene.poolThreads().stream().allMatch(Threads::isWaiting));

            if (!parked) {
                fail(PoolFeedback.busyIdleWorkers(scene.describePoolThreads()));
            }
        }
    }

    @Test
    @DisplayName("shutdown() ends idle workers, and a pool that never ran a task")
    @Graded(id = "shutdown-ends-idle-workers", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void shutdownEndsIdleWorkers() throws Exception {
        try (PoolScene scene = PoolScene.of(3, 3, "idle-end")) {
            for (int i = 0; i < 6; i++) {
                int value = i;
                PoolScene.valuesOf(List.of(scene.pool().submit(() -> value)));
            }
            assertShutsDown(scene, "a pool of 3 whose workers were idle after 6 tasks");
        }
        try (PoolScene scene = PoolScene.of(2, 2, "unused")) {
            assertShutsDown(scene, "a pool of 2 that never got a task");
        }
    }

    @Test
    @DisplayName("A submit waiting for room when shutdown() is called throws RejectedExecutionException")
    @Graded(id = "shutdown-rejects-waiting-submitter", points = 2, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 40)
    void shutdownRejectsAWaitingSubmitter() {
        try (PoolScene scene = PoolScene.of(1, 1, "full")) {
            Submitter submitter = scene.submitInBackground("submitter", scene.heldTasks(3));
            boolean full = Eventually.holds(() -> submitter.done()
                    || (submitter.accepted() == 2 && scene.gate().inside() == 1 && submitter.blocked()));
            if (!full || submitter.done()) {
                fail(PoolFeedback.couldNotFill(submitter, scene.gate().inside()));
            }

            Outcome<Object> shutdown = scene.callInBackground("shutdown caller", () -> {
                scene.pool().shutdown();
                return null;
            });
            if (!shutdown.returnedNormally()) {
                fail(PoolFeedback.shutdownDidNotReturn("while a submitter waited for room", shutdown));
            }

            // The gate stays closed: no room can appear, so only shutdown() itself can end that submit.
            if (!Eventually.holds(submitter::done)) {
                fail(PoolFeedback.waitingSubmitterStuck(submitter));
            }
            if (!(submitter.failure() instanceof RejectedExecutionException)) {
                fail(PoolFeedback.waitingSubmitterNotRejected(submitter));
            }
        }
    }

    @Test
    @DisplayName("awaitTermination returns false when its time runs out while a task still runs")
    @Graded(id = "await-termination-times-out", points = 1, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 40)
    void awaitTerminationTimesOut() {
        try (PoolScene scene = PoolScene.of(1, 2, "slow")) {
            Submitter submitter = scene.submitInBackground("submitter", List.of(scene.held(0)));
            if (!Eventually.holds(() -> submitter.done() && scene.gate().inside() == 1)) {
                fail(PoolFeedback.couldNotStart(submitter, scene.describePoolThreads()));
            }

            Outcome<Boolean> beforeShutdown = scene.callInBackground("awaiter",
                    () -> scene.pool().awaitTermination(BRIEFLY));
            assertFalseInTime(beforeShutdown, "before shutdown()");
            Outcome<Object> shutdown = scene.callInBackground("shutdown caller", () -> {
                scene.pool().shutdown();
                return null;
            });
            if (!shutdown.returnedNormally()) {
                fail(PoolFeedback.shutdownDidNotReturn("while a task was running", shutdown));
            }
            Outcome<Boolean> whileRunning = scene.callInBackground("awaiter",
                    () -> scene.pool().awaitTermination(BRIEFLY));
            assertFalseInTime(whileRunning, "after shutdown(), with the task still running");

            scene.gate().open();
            Outcome<Boolean> afterwards = scene.callInBackground("awaiter",
                    () -> scene.pool().awaitTermination(Eventually.MUST_COME));
            if (!afterwards.returnedNormally() || !afterwards.value()) {
                fail(PoolFeedback.didNotTerminate("a pool whose task could finish", afterwards,
                        scene.describePoolThreads()));
            }
        }
    }

    private static void assertFalseInTime(Outcome<Boolean> outcome, String when) {
        if (!outcome.returnedNormally() || outcome.value()) {
            fail(PoolFeedback.awaitWhileRunning(when, outcome));
        }
    }

    private static void assertShutsDown(PoolScene scene, String which) {
        Outcome<Object> shutdown = scene.callInBackground("shutdown caller", () -> {
            scene.pool().shutdown();
            return null;
        });
        if (!shutdown.returnedNormally()) {
            fail(PoolFeedback.shutdownDidNotReturn("on " + which, shutdown));
        }
        Outcome<Boolean> terminated = scene.callInBackground("awaiter",
                () -> scene.pool().awaitTermination(Eventually.MUST_COME));
        if (!terminated.returnedNormally() || !terminated.value()) {
            fail(PoolFeedback.didNotTerminate(which, terminated, scene.describePoolThreads()));
        }
        if (!scene.poolThreadsEnd()) {
            fail(PoolFeedback.threadsLeft(scene.poolThreads()));
        }
    }
}
