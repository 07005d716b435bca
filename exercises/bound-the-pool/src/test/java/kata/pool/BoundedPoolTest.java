package kata.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import kata.support.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The pool's threads run freely (the test does not schedule them), so the checks
 * hold their tasks at a gate that only the test opens: while they are held, a pool of N runs
 * exactly N of them, a full queue makes the next submit wait, on every run and any machine.
 */
class BoundedPoolTest {

    @Test
    @DisplayName("A task's result comes back through its future; sizes below 1 are rejected")
    @Graded(id = "result-through-future", points = 1, timeoutSeconds = 20)
    void resultComesBackThroughTheFuture() throws Exception {
        try (PoolScene scene = PoolScene.of(2, 4, "calc")) {
            Future<Integer> answer = scene.pool().submit(() -> 6 * 7);

            Outcome<Integer> outcome = Outcome.of(answer);

            if (!outcome.returnedNormally() || outcome.value() != 42) {
                fail(PoolFeedback.wrongResult("a task returning 6 * 7", "42", outcome));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new BoundedPool(0, 4, "none"),
                PoolFeedback.sizeAccepted("0 workers"));
        assertThrows(IllegalArgumentException.class, () -> new BoundedPool(2, 0, "none"),
                PoolFeedback.sizeAccepted("a queue capacity of 0"));
    }

    @Test
    @DisplayName("A task's exception comes back through its future, as the cause of ExecutionException")
    @Graded(id = "exception-through-future", points = 1, timeoutSeconds = 20)
    void exceptionComesBackThroughTheFuture() throws Exception {
        try (PoolScene scene = PoolScene.of(2, 4, "fail")) {
            IOException checked = new IOException("disk on fire");
            IllegalStateException unchecked = new IllegalStateException("no more coffee");
            Future<Integer> first = scene.pool().submit(PoolScene.throwing(checked));
            Future<Integer> second = scene.pool().submit(PoolScene.throwing(unchecked));

            Outcome<Integer> firstOutcome = Outcome.of(first);
            Outcome<Integer> secondOutcome = Outcome.of(second);

            if (!firstOutcome.finished() || firstOutcome.thrown() != checked) {
                fail(PoolFeedback.wrongResult("a task throwing IOException(\"disk on fire\")",
                        "ExecutionException caused by that IOException", firstOutcome));
            }
            if (!secondOutcome.finished() || secondOutcome.thrown() != unchecked) {
                fail(PoolFeedback.wrongResult("a task throwing IllegalStateException(\"no more coffee\")",
                        "ExecutionException caused by that IllegalStateException", secondOutcome));
            }
        }
    }

    @Test
    @DisplayName("Under load, a pool of 3 runs exactly 3 tasks at once and has no other threads")
    @Graded(id = "n-at-once", points = 3, timeoutSeconds = 30)
    void runsExactlyNTasksAtOnce() {
        assertExactlyNAtOnce(3, 10, "busy", 8);
    }

    @Test
    @DisplayName("With 2 tasks running and 3 queued, the next submit waits until a worker takes one")
    @Graded(id = "submit-blocks-when-full", points = 3, timeoutSeconds = 30)
    void submitWaitsWhileTheQueueIsFull() {
        assertSubmitWaitsWhenFull(2, 3, "bounded");
    }

    @Test
    @DisplayName("Worker threads are named prefix-1 to prefix-N")
    @Graded(id = "threads-named", points = 1, timeoutSeconds = 20)
    void workerThreadsAreNamed() throws Exception {
        try (PoolScene scene = PoolScene.of(2, 4, "named")) {
            Future<String> name = scene.pool().submit(() -> Thread.currentThread().getName());

            Outcome<String> outcome = Outcome.of(name);

            if (!outcome.returnedNormally()) {
                fail(PoolFeedback.wrongResult("a task returning its thread's name", "a name", outcome));
            }
            Set<String> allowed = scene.allowedNames();
            List<String> names = scene.poolThreads().stream().map(Thread::getName).sorted().toList();
            if (!allowed.contains(outcome.value()) || !allowed.containsAll(names)
                    || new HashSet<>(names).size() != names.size()) {
                fail(PoolFeedback.badNames(allowed, outcome.value(), names));
            }
        }
    }

    @Test
    @DisplayName("16 tasks on a pool of 2 run on at most 2 threads: workers are reused")
    @Graded(id = "threads-reused", points = 2, timeoutSeconds = 30)
    void workersAreReused() throws Exception {
        try (PoolScene scene = PoolScene.of(2, 4, "reuse")) {
            Set<Thread> runners = ConcurrentHashMap.newKeySet();
            Callable<Integer> recordRunner = () -> {
                runners.add(Thread.currentThread());
                return 1;
            };

            for (int i = 0; i < 12; i++) {
                PoolScene.valuesOf(List.of(scene.pool().submit(recordRunner)));
            }
            // A batch no larger than the queue: it fits even if no worker has taken a task yet, so this
            // check never depends on how fast the workers are (a pool that rejects when full passes it).
            List<Future<Integer>> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batch.add(scene.pool().submit(recordRunner));
            }
            PoolScene.valuesOf(batch);

            if (runners.size() > 2) {
                fail(PoolFeedback.threadPerTask(16, 2, runners));
            }
        }
    }

    @Test
    @DisplayName("shutdown() returns at once, refuses new tasks, runs the queued ones, and every thread ends")
    @Graded(id = "shutdown-finishes-queued", points = 3, timeoutSeconds = 40)
    void shutdownFinishesQueuedTasksAndEndsEveryThread() {
        try (PoolScene scene = PoolScene.of(1, 5, "drain")) {
            List<Callable<Integer>> tasks = new ArrayList<>(List.of(scene.held(0)));
            for (int i = 1; i <= 4; i++) {
                int value = i;
                tasks.add(() -> value);
            }
            Submitter submitter = scene.submitInBackground("submitter", tasks);
            boolean ready = Eventually.holds(() -> submitter.done() && scene.gate().inside() == 1);
            if (!ready || submitter.failure() != null) {
                fail(PoolFeedback.couldNotQueue(1, 4, submitter, scene));
            }

            Outcome<Object> shutdown = scene.callInBackground("shutdown caller", () -> {
                scene.pool().shutdown();
                return null;
            });
            if (!shutdown.returnedNormally()) {
                fail(PoolFeedback.shutdownDidNotReturn("while a task was running and 4 were queued", shutdown));
            }
            Outcome<Future<Integer>> late = scene.callInBackground("late submitter",
                    () -> scene.pool().submit(() -> 99));
            if (!(late.thrown() instanceof RejectedExecutionException)) {
                fail(PoolFeedback.acceptedAfterShutdown(late));
            }
            scene.gate().open();
            Outcome<Boolean> terminated = scene.callInBackground("awaiter",
                    () -> scene.pool().awaitTermination(Eventually.MUST_COME));

            if (!terminated.returnedNormally() || !terminated.value()) {
                fail(PoolFeedback.didNotTerminate("a pool whose tasks could all finish", terminated,
                        scene.describePoolThreads()));
            }
            assertEquals(PoolScene.upTo(5), PoolScene.valuesOf(submitter.futures()),
                    PoolFeedback.queuedResults());
            if (!scene.poolThreadsEnd()) {
                fail(PoolFeedback.threadsLeft(scene.poolThreads()));
            }
        }
    }

    /**
     * Holds {@code tasks} tasks (more than {@code workers}, fewer than workers + capacity) at the
     * gate and waits until either more than {@code workers} run, or exactly {@code workers} run and
     * every thread of the pool is one of them. In that state no further task can start, so the
     * count is final: a pool of N runs exactly N, on any machine.
     */
    static void assertExactlyNAtOnce(int workers, int capacity, String prefix, int tasks) {
        try (PoolScene scene = PoolScene.of(workers, capacity, prefix)) {
            Submitter submitter = scene.submitInBackground("submitter", scene.heldTasks(tasks));

            boolean settled = Eventually.holds(() -> scene.gate().inside() > workers || submitter.failure() != null
                    || (submitter.done() && scene.gate().inside() == workers && scene.everyPoolThreadHeld()));

            int inside = scene.gate().inside();
            Set<Thread> threads = scene.poolThreads();
            if (submitter.failure() != null) {
                fail(PoolFeedback.submitThrew(submitter.accepted(), submitter.failure()));
            }
            if (inside > workers) {
                fail(PoolFeedback.tooManyAtOnce(workers, tasks, inside, threads));
            }
            if (!settled && inside < workers) {
                fail(PoolFeedback.tooFewAtOnce(workers, tasks, inside, submitter.accepted(), scene.describePoolThreads()));
            }
            if (!settled) {
                fail(PoolFeedback.extraThreads(workers, threads, scene.gate().threadsInside()));
            }
            scene.gate().open();
            assertEquals(PoolScene.upTo(tasks), PoolScene.valuesOf(submitter.futures()),
                    PoolFeedback.heldResults(tasks));
            assertEquals(workers, scene.gate().peak(), PoolFeedback.peakAfterOpening(workers, scene.gate().peak()));
        }
    }

    /**
     * A thread of the test submits held tasks, more than the pool can take. With every worker held
     * at the gate and the queue full, nothing can change until the test opens the gate: the
     * submitter must then be blocked in submit, after exactly workers + capacity tasks. Then the
     * gate opens and every task must still run.
     */
    static void assertSubmitWaitsWhenFull(int workers, int capacity, String prefix) {
        int limit = workers + capacity;
        int tasks = limit + 3;
        try (PoolScene scene = PoolScene.of(workers, capacity, prefix)) {
            Submitter submitter = scene.submitInBackground("submitter", scene.heldTasks(tasks));

            boolean settled = Eventually.holds(() -> submitter.done() || submitter.accepted() > limit
                    || scene.gate().inside() > workers
                    || (submitter.accepted() == limit && scene.gate().inside() == workers && submitter.blocked()));

            int accepted = submitter.accepted();
            int inside = scene.gate().inside();
            if (submitter.failure() != null) {
                fail(PoolFeedback.rejectedInsteadOfWaiting(workers, capacity, accepted, submitter.failure()));
            }
            if (inside > workers) {
                fail(PoolFeedback.tooManyAtOnce(workers, tasks, inside, scene.poolThreads()));
            }
            if (accepted > limit || submitter.done()) {
                fail(PoolFeedback.queueUnbounded(workers, capacity, accepted));
            }
            if (!settled) {
                fail(PoolFeedback.notFullYet(workers, capacity, accepted, inside, submitter, scene.describePoolThreads()));
            }
            assertEquals(workers, scene.gate().peak(), PoolFeedback.peakWhileHeld(workers, scene.gate().peak()));

            scene.gate().open();
            if (!Eventually.holds(submitter::done)) {
                fail(PoolFeedback.submitterNeverWoke(limit, submitter));
            }
            if (submitter.failure() != null) {
                fail(PoolFeedback.submitThrew(submitter.accepted(), submitter.failure()));
            }
            assertEquals(PoolScene.upTo(tasks), PoolScene.valuesOf(submitter.futures()),
                    PoolFeedback.heldResults(tasks));
        }
    }
}
