package kata.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The concurrent ones hold every task at a gate the test keeps closed, and wait
 * until every caller is inside the gate or waiting for a permit: then how many tasks run at once
 * is an exact number, the same on every run and on any number of CPUs.
 */
class LimiterTest {

    /** What a task throws in the checks, so that the exception that reaches the caller is known. */
    static final class TaskFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailed() {
            super("the task failed on purpose");
        }
    }

    static final Runnable FAILING_TASK = () -> {
        throw new TaskFailed();
    };

    @Test
    @DisplayName("One thread: run and tryRun run the task, pass its exception on, and bad limits are rejected")
    @Graded(id = "runs-alone", points = 1, timeoutSeconds = 30)
    void runsTasksFromOneThread() throws InterruptedException {
        Limiter limiter = new Limiter(2);
        List<Thread> ranIn = new ArrayList<>();

        limiter.run(() -> ranIn.add(Thread.currentThread()));
        boolean ran = limiter.tryRun(() -> ranIn.add(Thread.currentThread()), 1, TimeUnit.SECONDS);

        assertTrue(ran, LimiterFeedback.sequential("tryRun(task, 1 s) on an idle Limiter(2)", true, false));
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), ranIn,
                () -> LimiterFeedback.sequential("run(task) then tryRun(task): threads the tasks ran in",
                        "the calling thread, twice", ranIn));
        assertThrows(TaskFailed.class, () -> limiter.run(FAILING_TASK), LimiterFeedback.EXCEPTION_REACHES_CALLER);
        assertThrows(IllegalArgumentException.class, () -> new Limiter(0),
                "new Limiter(0) should throw IllegalArgumentException: a limiter needs at least one permit");
    }

    @Test
    @DisplayName("Limiter(3) with 10 callers runs exactly 3 tasks at once (the seed's Semaphore(3))")
    @Graded(id = "three-at-once", points = 3, timeoutSeconds = 30)
    void runsExactlyThreeAtOnce() throws InterruptedException {
        Limiter limiter = new Limiter(3);

        try (Crowd crowd = Crowd.gather(limiter, "task", 10)) {
            int inside = crowd.inside();
            if (inside != 3) {
                fail(LimiterFeedback.wrongCount(3, crowd.size(), inside));
            }
            crowd.release();
        }
    }

    @Test
    @DisplayName("Callers beyond the limit wait for a permit, and every task runs once")
    @Graded(id = "extra-callers-wait", points = 2, timeoutSeconds = 30)
    void extraCallersWait() throws InterruptedException {
        Limiter limiter = new Limiter(3);

        try (Crowd crowd = Crowd.gather(limiter, "task", 10)) {
            List<String> turnedAway = crowd.finished();
            if (!turnedAway.isEmpty()) {
                fail(LimiterFeedback.turnedAway(turnedAway, crowd.callers().firstThrown().orElse(null)));
            }
            crowd.release();
            crowd.callers().rethrowFirst();
        }
    }

    @Test
    @DisplayName("Tasks that throw give their permits back: afterwards as many tasks run at once as before")
    @Graded(id = "release-on-exception", points = 2, timeoutSeconds = 30)
    void permitsComeBackWhenTasksThrow() throws InterruptedException {
        Limiter limiter = new Limiter(3);
        int before = Crowd.atOnce(limiter, "before", 5);

        failOnce(limiter, "failing-run-1", () -> limiter.run(FAILING_TASK));
        failOnce(limiter, "failing-run-2", () -> limiter.run(FAILING_TASK));
        failOnce(limiter, "failing-tryRun", () -> limiter.tryRun(FAILING_TASK, 1, TimeUnit.MINUTES));
        int after = Crowd.atOnce(limiter, "after", 5);

        if (after != before) {
            fail(LimiterFeedback.changedByFailures(3, before, after));
        }
    }

    @Test
    @DisplayName("With every permit taken, tryRun(task, 200 ms) gives up: returns false without running the task")
    @Graded(id = "timed-gives-up", points = 2, timeoutSeconds = 30)
    void timedRunGivesUp() throws InterruptedException {
        Limiter limiter = new Limiter(3);
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Boolean> answer = new AtomicReference<>();

        try (Crowd holders = Crowd.gather(limiter, "holder", 5);
             Callers impatient = Callers.start("impatient", 1,
                     () -> answer.set(limiter.tryRun(() -> ran.set(true), 200, TimeUnit.MILLISECONDS)))) {
            if (!holders.full()) {
                fail(LimiterFeedback.neverFull(3, holders.size()));
            }
            if (!impatient.awaitFinished(Callers.PATIENCE)) {
                fail(LimiterFeedback.neverGaveUp("tryRun(task, 200 ms)", Callers.PATIENCE, impatient.describeAlive()));
            }
            impatient.rethrowFirst();
            if (!Boolean.FALSE.equals(answer.get()) || ran.get()) {
                fail(LimiterFeedback.ranWithoutPermit(answer.get(), ran.get()));
            }
            holders.release();
        }
    }

    /** One call, in its own thread, that must end with the task's exception. */
    static void failOnce(Limiter limiter, String name, Callers.Call call) throws InterruptedException {
        try (Callers caller = Callers.start(name, 1, call)) {
            if (!caller.awaitFinished(Callers.PATIENCE)) {
                fail(LimiterFeedback.permitLost(name, Callers.PATIENCE, caller.describeAlive()));
            }
            Throwable thrown = caller.thrown(0).orElse(null);
            if (!(thrown instanceof TaskFailed)) {
                if (thrown instanceof UnsupportedOperationException unwritten) {
                    throw unwritten;
                }
                fail(LimiterFeedback.EXCEPTION_REACHES_CALLER + " " + name + " got "
                        + (thrown == null ? "no exception" : thrown.toString()) + ".");
            }
        }
    }
}
