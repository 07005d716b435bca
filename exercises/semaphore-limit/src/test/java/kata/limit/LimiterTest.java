package kata.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The callers are the test's own threads, run under the scheduler: before a check
 * looks, every caller has got as far as it can (inside its task, which the check holds there, or
 * waiting for a permit), so how many tasks run at once is an exact number, the same on every run
 * and on any number of CPUs. Time is virtual: a task held for ten minutes costs nothing, and a
 * timeout ends exactly when it is due.
 */
class LimiterTest {

    /** What a task throws in the checks, so that the exception that reaches the caller is known. */
    static final class TaskFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailed() {
            super("the task failed on purpose");
        }
    }

    /** What a task throws where the checks want an error, not an exception: its permit comes back too. */
    static final class TaskError extends Error {
        private static final long serialVersionUID = 1L;

        TaskError() {
            super("the task failed on purpose, with an Error");
        }
    }

    /**
     * A checked exception a task throws without declaring it, as code compiled from Kotlin or with
     * Lombok's @SneakyThrows does: neither a RuntimeException nor an Error.
     */
    static final class TaskChecked extends Exception {
        private static final long serialVersionUID = 1L;

        TaskChecked() {
            super("the task failed on purpose, with a checked exception it did not declare");
        }
    }

    /** Timeouts of tryRun on a full limiter: milliseconds, seconds, below a millisecond, zero. */
    static final List<Timeout> TIMEOUTS = List.of(new Timeout(200, TimeUnit.MILLISECONDS),
            new Timeout(2, TimeUnit.SECONDS), new Timeout(500, TimeUnit.MICROSECONDS),
            new Timeout(0, TimeUnit.MILLISECONDS));

    /** A timed call may give up this much later than its timeout (a deadline rounded up to milliseconds, say). */
    static final Duration LATE = Duration.ofSeconds(1);

    /** Longer than any timeout a limiter might give its waiting callers (virtual time: free). */
    static final Duration LONG_HOLD = Duration.ofSeconds(90);

    record Timeout(long amount, TimeUnit unit) {
        Duration duration() {
            return Duration.ofNanos(unit.toNanos(amount));
        }

        @Override
        public String toString() {
            return "tryRun(task, " + amount + ", " + unit + ")";
        }
    }

    @Test
    @DisplayName("One thread: run and tryRun run the task in the caller and pass its exception on unchanged; tryRun(task, 0) runs it when a permit is free; Limiter(0) and Limiter(-1) are rejected")
    @Graded(id = "runs-alone", points = 1, timeoutSeconds = 30)
    void runsTasksFromOneThread() throws InterruptedException {
        Limiter limiter = new Limiter(2);
        List<Thread> ranIn = new ArrayList<>();

        limiter.run(() -> ranIn.add(Thread.currentThread()));
        boolean ran = limiter.tryRun(() -> ranIn.add(Thread.currentThread()), 1, TimeUnit.SECONDS);
        expect("tryRun(task, 1 s) on an idle Limiter(2)", true, ran);
        boolean ranAtZero = limiter.tryRun(() -> ranIn.add(Thread.currentThread()), 0, TimeUnit.MILLISECONDS);
        expect("tryRun(task, 0 ms) on an idle Limiter(2)", true, ranAtZero);

        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), ranIn,
                () -> LimiterFeedback.sequential("run(task), tryRun(task, 1 s), tryRun(task, 0): threads the tasks"
                        + " ran in", "the calling thread, three times", ranIn));
        TaskFailed failure = new TaskFailed();
        Throwable fromRun = assertThrows(Throwable.class, () -> limiter.run(() -> {
            throw failure;
        }), LimiterFeedback.EXCEPTION_REACHES_CALLER);
        Throwable fromTryRun = assertThrows(Throwable.class, () -> limiter.tryRun(() -> {
            throw failure;
        }, 1, TimeUnit.SECONDS), LimiterFeedback.EXCEPTION_REACHES_CALLER);
        for (Throwable thrown : List.of(fromRun, fromTryRun)) {
            if (thrown != failure) {
                if (thrown instanceof UnsupportedOperationException unwritten) {
                    throw unwritten;
                }
                fail(LimiterFeedback.EXCEPTION_REACHES_CALLER + " It got " + thrown + " instead.", thrown);
            }
        }
        for (int permits : new int[] {0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> new Limiter(permits),
                    "new Limiter(" + permits + ") should throw IllegalArgumentException: a limiter needs at least"
                            + " one permit");
        }
    }

    private static void expect(String what, boolean expected, boolean actual) {
        if (actual != expected) {
            fail(LimiterFeedback.sequential(what, expected, actual));
        }
    }

    @Test
    @DisplayName("Limiter(3) with 10 callers runs exactly 3 tasks at once (the seed's Semaphore(3))")
    @Graded(id = "three-at-once", points = 3, timeoutSeconds = 30)
    void runsExactlyThreeAtOnce() throws Exception {
        Controlled.run(() -> {
            try (Crowd crowd = Crowd.gather(new Limiter(3), "task", 10)) {
                if (crowd.inside() != 3) {
                    fail(LimiterFeedback.wrongCount(3, crowd.size(), crowd.inside()));
                }
            }
        });
    }

    @Test
    @DisplayName("Callers beyond the limit wait for a permit however long the running tasks take (90 s), and when the tasks all end at once, every waiting caller runs its task")
    @Graded(id = "extra-callers-wait", points = 2, timeoutSeconds = 60)
    void extraCallersWait() throws Exception {
        Controlled.run(() -> {
            try (Crowd crowd = Crowd.gather(new Limiter(3), "task", 10)) {
                int running = crowd.inside();
                TimeUnit.NANOSECONDS.sleep(LONG_HOLD.toNanos());
                crowd.settle();
                List<Call<Object>> turnedAway = new ArrayList<>();
                for (int i = 0; i < crowd.size(); i++) {
                    if (crowd.caller(i).ended()) {
                        turnedAway.add(crowd.caller(i));
                    }
                }
                if (!turnedAway.isEmpty()) {
                    fail(LimiterFeedback.turnedAway(running, LONG_HOLD, turnedAway));
                }

                crowd.letOut(crowd.size());
                for (int i = 0; i < crowd.size(); i++) {
                    crowd.caller(i).awaitEnd(Crowd.PATIENCE);
                }
                List<String> waiting = crowd.waitingForPermit().stream().map(Call::name).toList();
                if (!waiting.isEmpty()) {
                    fail(LimiterFeedback.stillWaitingAfterRelease(running, waiting, crowd.describeWaiting()));
                }
                crowd.rethrowFirst();
                expect("every caller's task ran once", true, crowd.entered() == crowd.size());
            }
        });
    }

    @Test
    @DisplayName("The bound holds after releases too: Limiter(3) with 8 callers, a waiting caller that wakes up without a release, then tasks that end one at a time: never more than before")
    @Graded(id = "limit-after-release", points = 2, timeoutSeconds = 30)
    void limitHoldsAfterReleases() throws Exception {
        Controlled.run(() -> {
            try (Crowd crowd = Crowd.gather(new Limiter(3), "task", 8)) {
                int before = crowd.inside();
                List<Call<Object>> waiting = crowd.waitingForPermit();
                if (waiting.isEmpty()) {
                    return; // No caller waits: three-at-once judges a limiter that does not limit.
                }
                Call<Object> woken = waiting.get(waiting.size() - 1);
                Controlled.wakeSpuriously(woken.thread());
                crowd.settle();
                if (crowd.inside() > before) {
                    fail(LimiterFeedback.tooManyAfterSpuriousWakeUp(3, before, crowd.inside(), woken.name()));
                }
                for (int round = 1; !crowd.waitingForPermit().isEmpty() && round <= crowd.size(); round++) {
                    crowd.letOut(1);
                    crowd.settle();
                    if (crowd.inside() > before) {
                        fail(LimiterFeedback.tooManyAfterRelease(3, before, crowd.inside(), round));
                    }
                }
            }
        });
    }

    @Test
    @DisplayName("Tasks that throw, through run and tryRun, give their permits back: afterwards as many tasks run at once as before")
    @Graded(id = "release-on-exception", points = 2, timeoutSeconds = 30)
    void permitsComeBackWhenTasksThrow() throws Exception {
        Controlled.run(() -> {
            Limiter limiter = new Limiter(2);
            int before = Crowd.atOnce(limiter, "before", 5);

            // An exception and an Error each way: a permit given back only in catch (Exception) is lost to an Error.
            failOnce("failing-run-1", () -> runReturningNull(limiter, LimiterTest::throwTaskFailed), TaskFailed.class);
            failOnce("failing-run-2", () -> runReturningNull(limiter, LimiterTest::throwTaskError), TaskError.class);
            failOnce("failing-tryRun-1", () -> limiter.tryRun(LimiterTest::throwTaskFailed, 1, TimeUnit.MINUTES),
                    TaskFailed.class);
            failOnce("failing-tryRun-2", () -> limiter.tryRun(LimiterTest::throwTaskError, 1, TimeUnit.MINUTES),
                    TaskError.class);
            // A release in catch (RuntimeException | Error) misses a checked exception thrown undeclared.
            failOnce("failing-run-3", () -> runReturningNull(limiter, LimiterTest::throwTaskChecked), TaskChecked.class);
            failOnce("failing-tryRun-3", () -> limiter.tryRun(LimiterTest::throwTaskChecked, 1, TimeUnit.MINUTES),
                    TaskChecked.class);
            int after = Crowd.atOnce(limiter, "after", 5);

            if (after != before) {
                fail(LimiterFeedback.changedByFailures(6, before, after));
            }
        });
    }

    private static Object runReturningNull(Limiter limiter, Runnable task) throws InterruptedException {
        limiter.run(task);
        return null;
    }

    static void throwTaskError() {
        throw new TaskError();
    }

    static void throwTaskFailed() {
        throw new TaskFailed();
    }

    static void throwTaskChecked() {
        LimiterTest.<RuntimeException>throwUndeclared(new TaskChecked());
    }

    /** Throws a checked exception where none is declared: the compiler takes E to be unchecked. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwUndeclared(Throwable thrown) throws E {
        throw (E) thrown;
    }

    /** One call, on its own thread, that must end with the task's exception. */
    private static void failOnce(String name, Call.Body<Object> body, Class<? extends Throwable> thrownByTask)
            throws InterruptedException {
        Call<Object> call = Call.start(name, body);
        if (!call.awaitEnd(Crowd.PATIENCE)) {
            String where = "  \"" + name + "\" waits at " + call.where();
            Call.stop(List.of(call));
            fail(LimiterFeedback.permitLost(name, "was still waiting for a permit after "
                    + LimiterFeedback.describe(Crowd.PATIENCE), where));
        }
        Throwable thrown = call.thrown().orElse(null);
        if (thrown == null && Boolean.FALSE.equals(call.result())) {
            fail(LimiterFeedback.permitLost(name, "got no permit within its 1 min and returned false", ""));
        }
        if (!thrownByTask.isInstance(thrown)) {
            if (thrown instanceof UnsupportedOperationException unwritten) {
                throw unwritten;
            }
            fail(LimiterFeedback.EXCEPTION_REACHES_CALLER + " " + name + " got "
                    + (thrown == null ? "no exception" : thrown.toString()) + ".");
        }
    }

    @Test
    @DisplayName("With every permit taken, tryRun(task, 200 ms), (2 s), (500 µs) and (0) return false without running the task, not before their timeout and soon after it, also when woken meanwhile without a permit")
    @Graded(id = "timed-gives-up", points = 2, timeoutSeconds = 30)
    void timedRunGivesUp() throws Exception {
        Controlled.run(() -> {
            // A start between two milliseconds: a deadline kept in whole milliseconds shows.
            TimeUnit.MICROSECONDS.sleep(300);
            List<Duration> took = new ArrayList<>();
            for (Timeout timeout : TIMEOUTS) {
                took.add(givesUpInTime(timeout, false, false));
            }
            // Woken without a permit (as wait() and park() may be, and as a notifyAll for a permit another
            // caller takes does): the timeout still counts from the call, not from the last wake-up. Giving
            // up early counts here only for a caller that waits its whole timeout when nobody wakes it: one
            // that does not wait at all fails timed-waits-for-permit.
            for (int i = 0; i < 2; i++) {
                Timeout timeout = TIMEOUTS.get(i);
                givesUpInTime(timeout, true, !early(took.get(i), timeout));
            }
            givesUpAfterAnotherTookThePermit();
        });
    }

    /**
     * A permit comes back while the timed caller waits, and a caller that was waiting before it takes
     * it: the timed caller is woken (signalAll, notifyAll) and finds no permit. A spurious wake-up does
     * not show a timeout that restarts at every wake-up where the JDK absorbs it (a Condition's await
     * parks again for the time left); this wake-up reaches the caller's own loop. If the timed caller
     * takes the permit itself, this order shows nothing, and nothing is judged.
     */
    private static void givesUpAfterAnotherTookThePermit() throws Exception {
        Timeout timeout = new Timeout(2, TimeUnit.SECONDS);
        Limiter limiter = new Limiter(2);
        CountDownLatch leave = new CountDownLatch(1);
        try (Crowd holders = Crowd.gather(limiter, "holder", 2)) {
            Call<Object> earlier = Call.start("earlier", () -> {
                limiter.run(() -> awaitUninterruptibly(leave));
                return null;
            });
            holders.settle();
            if (holders.inside() != 2 || earlier.ended()) {
                // A limiter that does not let exactly 2 in is judged by three-at-once and permits-as-given,
                // one that turns a caller away by extra-callers-wait.
                leave.countDown();
                Call.stop(List.of(earlier));
                return;
            }
            AtomicBoolean ran = new AtomicBoolean();
            Call<Object> call = startTimed(limiter, timeout, ran, 1);
            try {
                TimeUnit.MILLISECONDS.sleep(1500);
                holders.letOut(1);
                holders.settle();
                if (!call.awaitEnd(Crowd.PATIENCE)) {
                    fail(LimiterFeedback.neverGaveUp(timeout.toString(), Crowd.PATIENCE,
                            "\"" + call.name() + "\" waits at " + call.where()));
                }
                rethrow(call);
                if (Boolean.FALSE.equals(call.result()) && call.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                    fail(LimiterFeedback.timeoutRestartedByWakeUps(timeout.toString(), call.took(), 1));
                }
            } finally {
                leave.countDown();
                Call.stop(List.of(call, earlier));
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Duration EARLY_SLACK = Duration.ofMillis(1);

    /** How often a woken timed caller is woken again: a timeout restarted at each wake-up never runs out. */
    private static final int WAKE_UPS_PER_TIMEOUT = 4;

    /** A millisecond of slack: a deadline read from currentTimeMillis() may end that much early. */
    private static boolean early(Duration took, Timeout timeout) {
        return took.plus(EARLY_SLACK).compareTo(timeout.duration()) < 0;
    }

    /** How long the call took to return false; {@code judgeEarly}: fail if that was before its timeout. */
    private static Duration givesUpInTime(Timeout timeout, boolean wokenMeanwhile, boolean judgeEarly)
            throws Exception {
        // A limiter of its own for each call, used up before the next one is made: a wrong count or
        // static state (judged elsewhere) cannot change what this check sees.
        Limiter limiter = new Limiter(2);
        try (Crowd holders = Crowd.gather(limiter, "holder", HOLDERS)) {
            if (holders.inside() == holders.size()) {
                fail(LimiterFeedback.neverFull(2, holders.size()));
            }
            AtomicBoolean ran = new AtomicBoolean();
            Call<Object> call = startTimed(limiter, timeout, ran, 1);
            try {
                int wakeUps = wokenMeanwhile ? call.wakeEvery(timeout.duration().dividedBy(WAKE_UPS_PER_TIMEOUT),
                        timeout.duration().plus(LATE)) : 0;
                if (!call.awaitEnd(Crowd.PATIENCE)) {
                    fail(LimiterFeedback.neverGaveUp(timeout.toString(), Crowd.PATIENCE,
                            "\"" + call.name() + "\" waits at " + call.where()));
                }
                rethrow(call);
                if (!Boolean.FALSE.equals(call.result()) || ran.get()) {
                    fail(LimiterFeedback.timedAnswerWhenFull(timeout.toString(), call.result(), ran.get()));
                }
                if (judgeEarly && early(call.took(), timeout)) {
                    fail(LimiterFeedback.gaveUpEarly(timeout.toString(), call.took(), wakeUps));
                }
                if (call.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                    fail(wakeUps > 0 ? LimiterFeedback.timeoutRestartedByWakeUps(timeout.toString(), call.took(), wakeUps)
                            : LimiterFeedback.gaveUpLate(timeout.toString(), call.took()));
                }
                return call.took();
            } finally {
                Call.stop(List.of(call));
            }
        }
    }

    /** Callers that fill a Limiter(2) however many it lets in: more than a limiter off by a few allows. */
    private static final int HOLDERS = 6;

    /** Throws what the call threw: as it is when unchecked (an unwritten method's message), else as a failure. */
    static void rethrow(Call<?> call) {
        Throwable thrown = call.thrown().orElse(null);
        if (thrown instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            fail(LimiterFeedback.callerGot(call.name(), thrown), thrown);
        }
    }

    static Call<Object> startTimed(Limiter limiter, Timeout timeout, AtomicBoolean ran, int index) {
        return Call.start("timed-" + index, () -> limiter.tryRun(() -> ran.set(true), timeout.amount(),
                timeout.unit()));
    }
}
