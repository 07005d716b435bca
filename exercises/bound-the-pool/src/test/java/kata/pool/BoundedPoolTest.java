package kata.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Each runs under the scheduler: the pool's workers and the test's submitters run one
 * at a time, and before the test looks every thread has got as far as it can (a worker inside a task
 * the test holds, or waiting for work; a submitter waiting for room, or done). So a pool of 3 runs
 * exactly 3 held tasks, and a full queue has exactly its capacity, on every run and any number of
 * CPUs. Time is virtual: a task held for minutes costs nothing.
 */
class BoundedPoolTest {

    /** Longer than any give-up timeout a submit might have (virtual time: free). */
    static final Duration LONG_HOLD = Duration.ofSeconds(90);

    @Test
    @DisplayName("A task's result comes back through its future, also to a get() called at once, in every order of the steps; a size below 1 (0 or -1 workers, a queue of 0 or -1) is rejected")
    @Graded(id = "result-through-future", points = 1, timeoutSeconds = 30)
    void resultComesBackThroughTheFuture() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(2, 4, "calc")) {
                Future<Integer> answer = scene.pool().submit(() -> 6 * 7);
                Object value = outcome(answer);
                if (!Integer.valueOf(42).equals(value)) {
                    fail(PoolFeedback.wrongResult("a task returning 6 * 7", "42", value));
                }
            }
        });
        resultReachesGetInEveryOrder();
        int[][] sizes = {{0, 4}, {-1, 4}, {2, 0}, {2, -1}};
        for (int[] size : sizes) {
            Set<Thread> before = Threads.alive();
            assertThrows(IllegalArgumentException.class, () -> new BoundedPool(size[0], size[1], "none"),
                    PoolFeedback.sizeAccepted(size[0], size[1]));
            Set<Thread> left = Threads.startedSince(before);
            if (!left.isEmpty()) {
                fail(PoolFeedback.threadsLeftByRefusal(size[0], size[1], Threads.names(left)));
            }
        }
    }

    /** One schedule's answer, and whether the pool's workers ended after shutdown. */
    private static final class Receipt {
        volatile boolean refused;
        volatile boolean ran;
        volatile Object value;
        volatile boolean ended;
    }

    /**
     * Ends an exploration whose pool refused the task (a shutdown flag shared by every pool) or left its
     * workers running: other checks judge those.
     */
    private static final class JudgedElsewhere extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JudgedElsewhere() {
            super("judged by another check", null, false, false);
        }
    }

    /**
     * submit, then get() at once, in every order of the steps with one preemption at a lock or a wait:
     * a future whose get() looks at the result outside the lock it waits on misses a wake-up that comes
     * between the look and the wait.
     */
    private static void resultReachesGetInEveryOrder() {
        AtomicReference<Receipt> last = new AtomicReference<>();
        try {
            Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(1)
                    .given(() -> {
                        last.set(new Receipt());
                        return last.get();
                    })
                    .thread("caller", receipt -> {
                        BoundedPool pool = new BoundedPool(1, 1, "receipt");
                        try {
                            Future<Integer> answer = pool.submit(() -> {
                                receipt.ran = true;
                                return 6 * 7;
                            });
                            try {
                                receipt.value = answer.get();
                            } catch (ExecutionException thrown) {
                                receipt.value = new Thrown(thrown.getCause());
                            }
                        } catch (RejectedExecutionException refused) {
                            receipt.refused = true;
                        } finally {
                            pool.shutdown();
                            receipt.ended = pool.awaitTermination(Duration.ofMinutes(1));
                        }
                    })
                    .check(receipt -> {
                        if (receipt.refused) {
                            throw new JudgedElsewhere();
                        }
                        if (!Integer.valueOf(42).equals(receipt.value)) {
                            fail(PoolFeedback.wrongResult("a task returning 6 * 7, its get() called at once",
                                    "42", receipt.value));
                        }
                        if (!receipt.ended) {
                            throw new JudgedElsewhere();
                        }
                    });
        } catch (InterleavingFailure failure) {
            if (failure.getCause() instanceof JudgedElsewhere) {
                return;
            }
            if (failure.noThreadCanContinue() && last.get().ran && last.get().value == null) {
                fail(PoolFeedback.getMissedItsResult(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("A task's exception (checked or unchecked) comes back through its future, as the cause of ExecutionException")
    @Graded(id = "exception-through-future", points = 1, timeoutSeconds = 30)
    void exceptionComesBackThroughTheFuture() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(2, 4, "fail")) {
                IOException checked = new IOException("disk on fire");
                IllegalStateException unchecked = new IllegalStateException("no more coffee");
                Future<Integer> first = scene.pool().submit(throwing(checked));
                Future<Integer> second = scene.pool().submit(throwing(unchecked));
                expectThrown(first, checked, "a task throwing IOException(\"disk on fire\")");
                expectThrown(second, unchecked, "a task throwing IllegalStateException(\"no more coffee\")");
            }
        });
    }

    @Test
    @DisplayName("Under load (8 held tasks), a pool of 3 runs exactly 3 tasks at once, on its own threads, and has no other threads")
    @Graded(id = "n-at-once", points = 3, timeoutSeconds = 30)
    void runsExactlyNTasksAtOnce() throws Exception {
        Controlled.run(() -> assertExactlyNAtOnce(3, 10, "busy", 8));
    }

    @Test
    @DisplayName("With 2 tasks running and 3 queued, the next submit waits (90 s, no rejection), takes exactly the place a finished task frees, and every task runs")
    @Graded(id = "submit-blocks-when-full", points = 3, timeoutSeconds = 30)
    void submitWaitsWhileTheQueueIsFull() throws Exception {
        Controlled.run(() -> assertSubmitWaitsWhenFull(2, 3, "bounded"));
    }

    @Test
    @DisplayName("Worker threads are named prefix-1 to prefix-N, in every pool (two pools made one after the other)")
    @Graded(id = "threads-named", points = 1, timeoutSeconds = 30)
    void workerThreadsAreNamed() throws Exception {
        Controlled.run(() -> {
            for (String prefix : List.of("named", "again")) {
                try (PoolScene scene = PoolScene.of(3, 4, prefix)) {
                    Future<String> name = scene.pool().submit(() -> Thread.currentThread().getName());
                    Object taskThread = outcome(name);
                    List<String> names = scene.poolThreads().stream().map(Thread::getName).sorted().toList();
                    Set<String> expected = scene.expectedNames();
                    if (!expected.contains(taskThread) || !new TreeSet<>(names).equals(new TreeSet<>(expected))
                            || names.size() != expected.size()) {
                        fail(PoolFeedback.badNames(scene.describe(), expected, taskThread, names));
                    }
                }
            }
        });
    }

    @Test
    @DisplayName("16 tasks on a pool of 2 run on at most 2 threads, the pool's own: workers are reused")
    @Graded(id = "threads-reused", points = 2, timeoutSeconds = 30)
    void workersAreReused() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(2, 4, "reuse")) {
                for (int i = 0; i < 12; i++) {
                    PoolScene.valuesOf(List.of(scene.pool().submit(scene.quick(i))), "task " + i);
                }
                List<Future<Integer>> batch = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    batch.add(scene.pool().submit(scene.quick(i)));
                }
                PoolScene.valuesOf(batch, "the last 4 tasks");
                if (scene.runners().size() > 2 || !scene.poolThreads().containsAll(scene.runners())) {
                    fail(PoolFeedback.threadPerTask(16, 2, scene.runners(), scene.poolThreads()));
                }
            }
        });
    }

    @Test
    @DisplayName("shutdown() returns at once while a task runs and 4 are queued, refuses new tasks, runs the queued ones, and every thread ends")
    @Graded(id = "shutdown-finishes-queued", points = 3, timeoutSeconds = 30)
    void shutdownFinishesQueuedTasksAndEndsEveryThread() throws Exception {
        Controlled.run(() -> {
            try (PoolScene scene = PoolScene.of(1, 5, "drain")) {
                List<Callable<Integer>> tasks = new ArrayList<>(List.of(scene.held(0)));
                for (int i = 1; i <= 4; i++) {
                    tasks.add(scene.quick(i));
                }
                PoolScene.Submitter submitter = scene.submitter("submitter", tasks);
                scene.settle();
                if (!submitter.done() || scene.inside() != 1) {
                    PoolScene.rethrow(submitter.call());
                    fail(PoolFeedback.couldNotQueue(scene, submitter));
                }

                Call<Object> shutdown = scene.call("shutdown caller", () -> {
                    scene.shutdown();
                    return null;
                });
                scene.settle();
                if (!shutdown.ended()) {
                    fail(PoolFeedback.shutdownWaited(scene, shutdown.where()));
                }
                PoolScene.rethrow(shutdown);
                Call<Future<Integer>> late = scene.call("late submitter", () -> scene.pool().submit(() -> 99));
                scene.settle();
                if (!(late.thrown().orElse(null) instanceof RejectedExecutionException)) {
                    fail(PoolFeedback.acceptedAfterShutdown(late.ended(), late.thrown().orElse(null)));
                }
                scene.letOut(1);
                List<Integer> values = PoolScene.valuesOf(submitter.futures(), "the tasks accepted before shutdown()");
                if (!values.equals(PoolScene.upTo(5))) {
                    fail(PoolFeedback.queuedResults(values));
                }
                if (!scene.interruptedTasks().isEmpty()) {
                    fail(PoolFeedback.acceptedTasksInterrupted(scene.interruptedTasks()));
                }
                boolean terminated = scene.pool().awaitTermination(PoolScene.PATIENCE);
                scene.settle();
                if (!terminated || !scene.livePoolThreads().isEmpty()) {
                    fail(PoolFeedback.didNotTerminate(terminated, scene.describePoolThreads()));
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------

    static Callable<Integer> throwing(Exception exception) {
        return () -> {
            throw exception;
        };
    }

    /** What the future holds: its value, or the cause it failed with, or a note that it never completed. */
    static Object outcome(Future<?> future) throws InterruptedException {
        try {
            return future.get(PoolScene.PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException thrown) {
            return new Thrown(thrown.getCause());
        } catch (TimeoutException never) {
            return Never.NEVER;
        }
    }

    record Thrown(Throwable cause) {
        @Override
        public String toString() {
            return "threw ExecutionException caused by " + cause;
        }
    }

    enum Never {
        NEVER;

        @Override
        public String toString() {
            return "never completed (" + PoolScene.PATIENCE.toMinutes() + " min)";
        }
    }

    static void expectThrown(Future<?> future, Throwable expected, String task) throws InterruptedException {
        Object seen = outcome(future);
        if (!(seen instanceof Thrown thrown) || thrown.cause() != expected) {
            fail(PoolFeedback.wrongResult(task, "an ExecutionException caused by that very " + expected.getClass()
                    .getSimpleName(), seen));
        }
    }

    /**
     * Holds {@code tasks} tasks (more than {@code workers}, fewer than workers + capacity) and lets
     * every thread get as far as it can: exactly {@code workers} must run, on the pool's threads,
     * and the pool must have no other threads. Then every task must complete.
     */
    static void assertExactlyNAtOnce(int workers, int capacity, String prefix, int tasks) throws Exception {
        try (PoolScene scene = PoolScene.of(workers, capacity, prefix)) {
            PoolScene.Submitter submitter = scene.submitter("submitter", scene.heldTasks(tasks));
            scene.settle();
            if (scene.inside() == 0) {
                PoolScene.rethrow(submitter.call());
            }
            if (submitter.failure() != null) {
                fail(PoolFeedback.submitThrew(scene, submitter));
            }
            if (scene.inside() != workers) {
                fail(PoolFeedback.wrongCountAtOnce(scene, tasks, scene.inside(), scene.describePoolThreads()));
            }
            List<Thread> threads = scene.poolThreads();
            if (threads.size() != workers || !threads.containsAll(scene.runners())) {
                fail(PoolFeedback.extraThreads(scene, threads, scene.runners()));
            }
            scene.letEveryoneOut();
            List<Integer> values = PoolScene.valuesOf(submitter.futures(), "the held tasks");
            if (!values.equals(PoolScene.upTo(tasks))) {
                fail(PoolFeedback.heldResults(tasks, values));
            }
        }
    }

    /**
     * A thread of the test submits held tasks, more than the pool can take. With every worker held
     * and the queue full nothing can change until the test lets a task out: the submitter must wait
     * in submit after exactly workers + capacity tasks, however long (90 s), and not be refused.
     * One task let out frees one place: exactly one more is accepted. Then every task must run.
     */
    static void assertSubmitWaitsWhenFull(int workers, int capacity, String prefix) throws Exception {
        int limit = workers + capacity;
        int tasks = limit + 3;
        try (PoolScene scene = PoolScene.of(workers, capacity, prefix)) {
            PoolScene.Submitter submitter = scene.submitter("submitter", scene.heldTasks(tasks));
            scene.settle();
            TimeUnit.NANOSECONDS.sleep(LONG_HOLD.toNanos());
            scene.settle();
            if (scene.inside() == 0 && submitter.failure() instanceof RuntimeException unchecked
                    && !(unchecked instanceof RejectedExecutionException)) {
                throw unchecked;
            }
            if (submitter.failure() != null) {
                fail(PoolFeedback.rejectedInsteadOfWaiting(scene, submitter));
            }
            if (scene.inside() != workers) {
                fail(PoolFeedback.wrongCountAtOnce(scene, tasks, scene.inside(), scene.describePoolThreads()));
            }
            if (submitter.accepted() != limit || submitter.done()) {
                fail(PoolFeedback.wrongBound(scene, submitter.accepted(), submitter.done(), submitter.call().where()));
            }
            scene.letOut(1);
            scene.settle();
            if (submitter.accepted() != limit + 1 || scene.inside() != workers) {
                fail(PoolFeedback.afterOneFreed(scene, submitter.accepted(), scene.inside(), submitter.call().where(),
                        scene.describePoolThreads()));
            }
            scene.letEveryoneOut();
            if (!submitter.call().awaitEnd(PoolScene.PATIENCE)) {
                fail(PoolFeedback.submitterNeverWoke(scene, submitter, scene.describePoolThreads()));
            }
            PoolScene.rethrow(submitter.call());
            List<Integer> values = PoolScene.valuesOf(submitter.futures(), "the held tasks");
            if (!values.equals(PoolScene.upTo(tasks))) {
                fail(PoolFeedback.heldResults(tasks, values));
            }
        }
    }
}
