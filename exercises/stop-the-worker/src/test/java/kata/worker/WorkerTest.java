package kata.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import kata.support.Graded;
import kata.support.threads.StartHold;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The worker is held at a {@link Hold} in its chore's begin() or end() where a
 * check needs it to be "not finished yet"; a check lets it go only once the boss has asked it to
 * stop. So the stop request is always made before the worker's loop starts (cold checks), or after
 * the loop has run long enough to be compiled (hot checks): never in a race with the JIT.
 */
class WorkerTest {

    /** How long a check waits for something that takes microseconds in a correct worker. */
    static final Duration BOUND = Duration.ofSeconds(5);
    /** CPU time the worker's loop runs before a hot check stops it: the JIT compiles it within a few ms. */
    static final Duration WARM_CPU = Duration.ofMillis(300);
    /** Wall time allowed for that warm-up, on a loaded single CPU. */
    static final Duration WARM_BOUND = Duration.ofSeconds(30);
    /** CPU time the loop runs on after the JIT has compiled it, before a hot check stops it. */
    static final Duration AFTER_COMPILED_CPU = Duration.ofMillis(100);
    /** CPU time a worker must go on doing rounds to count as still running. */
    static final Duration STILL_RUNNING_CPU = Duration.ofMillis(50);
    /**
     * How long a check, having seen stop() wait while the worker is held, keeps watching before it
     * lets the worker go. A stop() woken before the hold (a "finished" flag notified before end())
     * still shows as waiting until its thread next gets a CPU; on one busy CPU that can take a few
     * scheduler slices. These checks run without the agent's scheduler (see the README), so this
     * bound is the one place where a verdict waits on time: it can only miss a wrong stop(), never
     * fail a right one.
     */
    static final Duration SETTLE = Duration.ofMillis(250);

    /** What the boss saw: what stop() returned, and whether end() had returned by then. */
    record Stopped(long rounds, boolean endedFirst) {
    }

    @Test
    @DisplayName("start() returns at once and the chore runs on a worker thread of its own")
    @Graded(id = "runs-in-background", points = 2, timeoutSeconds = 30)
    void choreRunsOnAWorkerThread() throws Exception {
        Hold begin = new Hold();
        TestChore chore = TestChore.heldAtBegin(begin);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = Boss.start(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            started.countDown();
            cue.await();
            return stopped(worker, chore);
        });
        try {
            awaitBegin(begin, chore, boss);
            Eventually.holds(BOUND, () -> started.getCount() == 0 || startWaits(boss));
            if (started.getCount() > 0) {
                fail((startWaits(boss) ? WorkerFeedback.startWaitsForWorker()
                        : WorkerFeedback.startDidNotReturn(BOUND)) + WorkerFeedback.whereIs(boss.thread()));
            }

            cue.countDown();
            // Let the worker into its loop only once the stop request has been made.
            Eventually.holds(BOUND, () -> boss.isWaitingIn("stop") || boss.isDone());
            begin.open();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));

            if (!awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
            assertEquals(1, chore.begins(), () -> WorkerFeedback.calls("begin()", 1, chore.begins()));
            assertEquals(1, chore.ends(), () -> WorkerFeedback.calls("end()", 1, chore.ends()));
            if (chore.ender() != chore.worker()) {
                fail(WorkerFeedback.endedElsewhere(chore.worker().getName(), chore.ender().getName()));
            }
        } finally {
            begin.open();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("stop() waits until the worker has finished, and returns its count of rounds")
    @Graded(id = "stop-waits-for-the-worker", points = 3, timeoutSeconds = 30)
    void stopWaitsForTheWorker() throws Exception {
        Hold begin = new Hold();
        Hold end = new Hold();
        TestChore chore = TestChore.heldAtBeginAndEnd(begin, end);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = bossThatStopsOnCue(chore, cue);
        try {
            awaitBegin(begin, chore, boss);
            // stop() once the worker is held in begin() (a request before its thread has begun is
            // stops-before-first-round's): a stop() that waits blocks now, one that does not returns.
            cue.countDown();
            awaitStopWaiting(boss, "in the chore's begin()");
            begin.open();

            // Held again in end(): stop() must still be waiting, until end() has returned.
            untilUnlessStuck(StopProblems.of(boss, chore), () -> end.isHeld() || boss.isDone());
            if (!end.isHeld() && !boss.isDone()) {
                fail(WorkerFeedback.neverEnded(BOUND) + WorkerFeedback.whereIs(boss.thread()));
            }
            awaitStopWaiting(boss, "in the chore's end()");
            end.open();

            Stopped stopped = boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!stopped.endedFirst()) {
                fail(WorkerFeedback.returnedBeforeWorkerEnded("finishing"));
            }
            assertEquals(chore.roundsAtEnd(), stopped.rounds(),
                    () -> WorkerFeedback.wrongCount(stopped.rounds(), chore.roundsAtEnd()));
        } finally {
            begin.open();
            end.open();
            cue.countDown();
            boss.end();
        }
        askedInThirdRoundWaitsAndCountsIt();
    }

    /**
     * Asked while the worker is held inside its third round: stop() waits for that round to finish
     * and for end(), and returns 3; a count read before the wait misses the round in progress.
     */
    private static void askedInThirdRoundWaitsAndCountsIt() throws Exception {
        Hold third = new Hold();
        TestChore chore = TestChore.heldInRound(3, third);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = bossThatStopsOnCue(chore, cue);
        try {
            awaitRound(third, chore, boss);
            cue.countDown();
            awaitStopWaiting(boss, "in its third round");
            third.open();
            Stopped stopped = boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!stopped.endedFirst()) {
                fail(WorkerFeedback.returnedBeforeWorkerEnded("finishing"));
            }
            assertEquals(chore.roundsAtEnd(), stopped.rounds(),
                    () -> WorkerFeedback.wrongCount(stopped.rounds(), chore.roundsAtEnd()));
        } finally {
            third.open();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("A worker asked to stop does no round after the one in progress: none when asked in begin(), no fourth when asked in its third")
    @Graded(id = "stops-before-first-round", points = 1, timeoutSeconds = 30)
    void askedInBeginDoesNoRound() throws Exception {
        Hold begin = new Hold();
        TestChore chore = TestChore.heldAtBegin(begin);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = bossThatStopsOnCue(chore, cue);
        try {
            awaitBegin(begin, chore, boss);
            // stop() only once the worker is in begin(), so that the request meets a worker that is
            // under way whatever it is built on (a thread, or a pool's task that a cancel would skip).
            cue.countDown();
            // Let the worker into its loop only once the stop request has been made.
            boolean asked = seenUntil(() -> boss.isWaitingIn("stop") || boss.isDone(), () -> startWaits(boss));
            begin.open();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
            // A boss still stuck in a start() that waits for begin() could not ask in time:
            // runs-in-background's business, and no order of events to judge here.
            if (asked) {
                assertEquals(0, chore.roundsAtEnd(), () -> WorkerFeedback.roundsAfterStop(chore.roundsAtEnd()));
            }
        } finally {
            begin.open();
            cue.countDown();
            boss.end();
        }
        askedBeforeItsThreadBeganDoesNoRound();
        askedInThirdRoundDoesNoFourth();
    }

    /**
     * stop() right after start(), while the worker thread is held before the first instruction of
     * its code (a {@link StartHold}): every worker gets the request before it has begun, on every run.
     */
    private static void askedBeforeItsThreadBeganDoesNoRound() throws Exception {
        TestChore chore = TestChore.free();
        Boss<Stopped> boss = Boss.prepare(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            return stopped(worker, chore);
        });
        try (StartHold hold = StartHold.threadsStartedBy(boss.thread())) {
            boss.go();
            boolean asked = seenUntil(() -> boss.isDone() || boss.isWaitingIn("stop") || chore.worker() != null,
                    () -> startWaits(boss));
            boolean heldWhenAsked = asked && hold.holding() > 0;
            boolean returnedWhileHeld = heldWhenAsked && boss.isDone();
            hold.open();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!heldWhenAsked) {
                // A thread the boss did not start (a shared pool's) ran the worker, or start() waited
                // for the held thread: no request came before the worker began.
                return;
            }
            if (returnedWhileHeld) {
                fail(WorkerFeedback.returnedBeforeWorkerEnded("about to begin"));
            }
            if (!awaitEnd(boss, chore)) {
                fail(chore.begins() == 0 ? WorkerFeedback.skippedBegin() : WorkerFeedback.neverEnded(BOUND));
            }
            if (chore.begins() != 1) {
                fail(WorkerFeedback.skippedBegin());
            }
            assertEquals(0, chore.roundsAtEnd(), () -> WorkerFeedback.roundsAfterStop(chore.roundsAtEnd()));
        } finally {
            boss.end();
        }
    }

    private static void askedInThirdRoundDoesNoFourth() throws Exception {
        Hold third = new Hold();
        TestChore chore = TestChore.heldInRound(3, third);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = bossThatStopsOnCue(chore, cue);
        try {
            awaitRound(third, chore, boss);
            cue.countDown();
            // Let the worker finish its third round only once the stop request has been made.
            Eventually.holds(BOUND, () -> boss.isWaitingIn("stop") || boss.isDone());
            third.open();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
            assertEquals(3, chore.roundsAtEnd(), () -> WorkerFeedback.roundsAfterRequestInRound(3, chore.roundsAtEnd()));
        } finally {
            third.open();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("stop() throws InterruptedException when its caller is interrupted while it waits")
    @Graded(id = "interrupted-stop-throws", points = 1, timeoutSeconds = 30)
    void interruptedStopThrows() throws Exception {
        Hold begin = new Hold();
        TestChore chore = TestChore.heldAtBegin(begin);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<String> boss = Boss.start(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            cue.await();
            try {
                return "returned " + worker.stop();
            } catch (InterruptedException expected) {
                return null;
            }
        });
        try {
            awaitBegin(begin, chore, boss);
            cue.countDown();
            awaitStopWaiting(boss, "in the chore's begin()");
            boss.thread().interrupt();
            String outcome = boss.result(BOUND, () -> WorkerFeedback.interruptIgnored(BOUND));
            if (outcome != null) {
                fail(WorkerFeedback.interruptSwallowed(outcome));
            }
            begin.open();
            if (!awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
        } finally {
            begin.open();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("Stopping one worker does not stop another; two owners stopping their workers at once each return when their own worker has ended")
    @Graded(id = "workers-are-independent", points = 1, timeoutSeconds = 60)
    void workersAreIndependent() throws Exception {
        // Both orders: a worker that keeps its thread or count in a static field gets the other's.
        workersAreIndependent(true);
        workersAreIndependent(false);
        // Two owners waiting at once, either worker ending first: a wake-up shared by all workers
        // (a static lock, notify()) reaches the wrong owner in one of the two orders, whatever order
        // the JVM wakes waiters in.
        twoOwnersStopAtOnce(true);
        twoOwnersStopAtOnce(false);
    }

    /**
     * Two owners, each stopping a worker of its own, both workers held in end() while both stop()s
     * wait: when one worker's end() returns, its owner's stop() returns, then the other's. Each stop()
     * is asked while its worker is held in begin(), so no loop gets hot here (that is stops-when-hot's
     * business), and a worker that does not get to end() is left to the checks about that.
     */
    private static void twoOwnersStopAtOnce(boolean firstWaiterEndsFirst) throws Exception {
        List<Hold> begins = List.of(new Hold(), new Hold());
        List<Hold> ends = List.of(new Hold(), new Hold());
        List<TestChore> chores = List.of(TestChore.heldAtBeginAndEnd(begins.get(0), ends.get(0)),
                TestChore.heldAtBeginAndEnd(begins.get(1), ends.get(1)));
        List<CountDownLatch> cues = List.of(new CountDownLatch(1), new CountDownLatch(1));
        List<Boss<Stopped>> owners = List.of(bossThatStopsOnCue(chores.get(0), cues.get(0)),
                bossThatStopsOnCue(chores.get(1), cues.get(1)));
        try {
            for (int i = 0; i < 2; i++) {
                Hold begin = begins.get(i);
                Hold end = ends.get(i);
                TestChore chore = chores.get(i);
                Boss<Stopped> owner = owners.get(i);
                Eventually.holds(BOUND, () -> begin.isHeld() || owner.isDone());
                cues.get(i).countDown();
                Eventually.holds(BOUND, () -> owner.isWaitingIn("stop") || owner.isDone());
                begin.open();
                Eventually.holds(BOUND, () -> end.isHeld() || owner.isDone()
                        || chore.worker() != null && !chore.worker().isAlive());
                // A stop() that does not wait, or a worker that never gets to end(): other checks judge that.
                if (!end.isHeld() || !owner.isWaitingIn("stop")) {
                    return;
                }
            }
            int early = firstWaiterEndsFirst ? 0 : 1;
            for (int owner : List.of(early, 1 - early)) {
                ends.get(owner).open();
                boolean ownerWaitedFirst = owner == 0;
                owners.get(owner).resultOfStop(chores.get(owner), BOUND,
                        () -> WorkerFeedback.wokeTheWrongOwner(ownerWaitedFirst, owner == early, BOUND));
            }
        } finally {
            begins.forEach(Hold::open);
            ends.forEach(Hold::open);
            cues.forEach(CountDownLatch::countDown);
            for (Boss<Stopped> owner : owners) {
                owner.end();
            }
        }
    }

    private static void workersAreIndependent(boolean otherStartedFirst) throws Exception {
        Hold begin = new Hold();
        TestChore first = TestChore.heldAtBegin(begin);
        TestChore second = TestChore.free();
        CountDownLatch firstStopped = new CountDownLatch(1);
        AtomicLong firstRounds = new AtomicLong(-1);
        CountDownLatch stopFirst = new CountDownLatch(1);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Long> boss = Boss.start(() -> {
            Worker other = new Worker(second);
            Worker worker = new Worker(first);
            if (otherStartedFirst) {
                other.start();
                worker.start();
            } else {
                worker.start();
                other.start();
            }
            stopFirst.await();
            firstRounds.set(worker.stop());
            firstStopped.countDown();
            cue.await();
            return other.stop();
        });
        try {
            awaitBegin(begin, first, boss);
            Eventually.holds(BOUND, () -> second.worker() != null || boss.isDone() || startWaits(boss));
            Thread otherThread = second.worker();
            if (otherThread == null) {
                fail((startWaits(boss) ? WorkerFeedback.startWaitsForWorker() : WorkerFeedback.neverBegan(BOUND))
                        + WorkerFeedback.whereIs(boss.thread()));
            }
            // Both workers are under way: the first held in begin(), the other in its loop.
            stopFirst.countDown();
            // A stop() that does not wait has returned already: the boss then waits for its next cue.
            Eventually.holds(BOUND, () -> boss.isWaitingIn("stop") || firstStopped.getCount() == 0 || boss.isDone()
                    || startWaits(boss));
            if (startWaits(boss)) {
                fail(WorkerFeedback.startWaitsForWorker() + WorkerFeedback.whereIs(boss.thread()));
            }
            begin.open();
            untilUnlessStuck(StopProblems.of(boss, first), () -> firstStopped.getCount() == 0);
            if (firstStopped.getCount() > 0) {
                fail(WorkerFeedback.stopWaitedForTheOther(otherStartedFirst, BOUND)
                        + WorkerFeedback.whereIs(boss.thread()));
            }
            // Off by one is stop-waits-for-the-worker's business; the other worker's rounds are many more.
            if (firstRounds.get() > Math.max(0, first.roundsAtEnd()) + 1) {
                fail(WorkerFeedback.countedTheOthersRounds(firstRounds.get(), first.roundsAtEnd()));
            }
            // The other worker keeps doing rounds: a while of CPU, or it ends unasked.
            long cpuAtStop = Threads.cpuNanos(otherThread);
            Eventually.holds(WARM_BOUND, () -> second.ends() > 0
                    || Threads.cpuNanos(otherThread) - cpuAtStop >= STILL_RUNNING_CPU.toNanos());
            if (second.ends() > 0) {
                fail(WorkerFeedback.stoppedTheOther());
            }
            if (Threads.cpuNanos(otherThread) - cpuAtStop < STILL_RUNNING_CPU.toNanos()) {
                fail(WorkerFeedback.neverGotHot(Threads.cpuNanos(otherThread) / 1_000_000, WARM_BOUND));
            }
            // Stopping the other worker is the hot checks' business: not judged here. The boss still gets
            // to stop it (or is seen not to), so that boss.end() does not interrupt it in cue.await() and
            // leave the other worker running past the check, for the runner to clear with a new JVM.
            cue.countDown();
            StopProblems otherStop = StopProblems.of(boss, second);
            Eventually.holds(BOUND, () -> boss.isDone() || otherStop.now().isPresent());
        } finally {
            begin.open();
            stopFirst.countDown();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("stop() still stops the worker once its loop is hot (compiled by the JIT)")
    @Graded(id = "stops-when-hot", points = 3, timeoutSeconds = 60)
    void stopsTheWorkerOnceItsLoopIsHot() throws Exception {
        TestChore chore = TestChore.free();
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Stopped> boss = bossThatStopsOnCue(chore, cue);
        try {
            long cpuMillis = warmUp(chore, boss);

            cue.countDown();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.neverSawStop(cpuMillis, BOUND));
            if (!awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverSawStop(cpuMillis, BOUND));
            }
            failIfStoppedByLuck(cpuMillis);
        } finally {
            cue.countDown();
            boss.end();
        }
    }

    /**
     * A worker whose request to stop is a plain field, and that stopped all the same, stopped by
     * luck: the JIT happened to read the field again this time (say, after a deoptimization). The
     * hot checks fail it as surely as one that hangs, so that their verdict on a plain flag does not
     * depend on what the JIT did; what counts as plain is the rule stop-request-is-volatile's own
     * reading of the student's bytecode.
     */
    static void failIfStoppedByLuck(long cpuMillis) {
        plainStopRequest().ifPresent(field -> fail(WorkerFeedback.stoppedByLuck(cpuMillis, field)));
    }

    /** The plain field (or plain read) the worker's request to stop goes through, as the rule words it. */
    static Optional<String> plainStopRequest() {
        JavaClasses classes = new ClassFileImporter()
                .importUrl(Worker.class.getProtectionDomain().getCodeSource().getLocation());
        EvaluationResult result = WorkerRules.STOP_REQUEST_IS_VOLATILE.evaluate(classes);
        return result.hasViolation() ? Optional.of(result.getFailureReport().getDetails().get(0)) : Optional.empty();
    }

    /**
     * Waits at most {@link #BOUND} for the condition, as {@link Eventually#holds}; fails at once with
     * what went wrong in stop() if the watch sees it first.
     */
    static boolean untilUnlessStuck(StopProblems problems, BooleanSupplier condition) {
        List<String> seen = new ArrayList<>();
        boolean held = Eventually.holds(BOUND,
                () -> condition.getAsBoolean() || problems.now().map(seen::add).orElse(false));
        if (!seen.isEmpty()) {
            fail(seen.get(0));
        }
        return held;
    }

    /**
     * Waits at most {@link #BOUND} for the worker, asked to stop, to return from end(); fails at once
     * if it goes on with its rounds instead.
     */
    static boolean awaitEnd(Boss<?> boss, TestChore chore) {
        return untilUnlessStuck(StopProblems.of(boss, chore), chore::hasEnded);
    }

    /** A boss that starts a worker, waits for the check's cue, then stops it. */
    static Boss<Stopped> bossThatStopsOnCue(TestChore chore, CountDownLatch cue) {
        return Boss.start(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            cue.await();
            return stopped(worker, chore);
        });
    }

    /** Stops the worker and notes whether its end() had returned by the time stop() did. */
    static Stopped stopped(Worker worker, TestChore chore) throws InterruptedException {
        long rounds = worker.stop();
        return new Stopped(rounds, chore.hasEnded());
    }

    /**
     * Waits until the boss waits in stop() without a time limit, while the worker is held
     * {@code where}. A stop() that returns meanwhile did not wait; one that keeps running does not
     * block; one that waits with a timeout is given {@link #BOUND}, then the worker is let go.
     */
    static void awaitStopWaiting(Boss<?> boss, String where) throws InterruptedException {
        // A stop() that waits without a time limit ends the wait at once; one that waits in a loop of
        // timed waits (sleep, join(ms)) is waiting at some looks of the bound and running at others.
        AtomicBoolean waited = new AtomicBoolean();
        boolean blocked = Eventually.holds(BOUND, () -> {
            if (boss.isWaitingIn("stop")) {
                waited.set(true);
            }
            return boss.isDone() || boss.isWaitingWithoutTimeoutIn("stop") || startWaits(boss);
        });
        if (startWaits(boss)) {
            fail(WorkerFeedback.startWaitsForWorker() + WorkerFeedback.whereIs(boss.thread()));
        }
        if (!blocked && !boss.isDone() && !waited.get()) {
            fail(WorkerFeedback.stopDidNotBlock(BOUND) + WorkerFeedback.whereIs(boss.thread()));
        }
        awaitStillWaiting(boss, where);
    }

    /**
     * Waits until {@code seen} or {@code stuck} holds, and says whether {@code seen} did. The answer
     * comes from the look that ended the wait, not from a later one: a stop() that waits in a loop of
     * timed sleeps is waiting at one look and running between two sleeps at the next.
     */
    private static boolean seenUntil(BooleanSupplier seen, BooleanSupplier stuck) {
        AtomicBoolean was = new AtomicBoolean();
        Eventually.holds(BOUND, () -> {
            was.set(seen.getAsBoolean());
            return was.get() || stuck.getAsBoolean();
        });
        return was.get();
    }

    /**
     * Fails if stop() returns within {@link #SETTLE} while the worker is held {@code where}: it was
     * woken by something the worker did before it got there.
     */
    static void awaitStillWaiting(Boss<?> boss, String where) throws InterruptedException {
        if (Eventually.holds(SETTLE, boss::isDone)) {
            boss.result(BOUND, () -> "");
            fail(WorkerFeedback.returnedBeforeWorkerEnded(where));
        }
    }

    /** Waits until the worker thread is held in the round the chore holds it in; fails if it never gets there. */
    static void awaitRound(Hold round, TestChore chore, Boss<?> boss) throws InterruptedException {
        Eventually.holds(BOUND, () -> round.isHeld() || chore.hasEnded() || boss.isDone());
        if (!round.isHeld()) {
            if (boss.isDone()) {
                boss.result(BOUND, () -> "");
            }
            fail(chore.hasEnded() ? WorkerFeedback.endedUnasked()
                    : WorkerFeedback.neverBegan(BOUND) + WorkerFeedback.whereIs(boss.thread()));
        }
    }

    /**
     * True while the boss waits, without a time limit, inside start(): called while the worker is
     * held, a start() that waits for it never returns until the check lets the worker go.
     */
    static boolean startWaits(Boss<?> boss) {
        return boss.isWaitingWithoutTimeoutIn("start");
    }

    /** Waits until the worker thread is held in begin(); fails if it never gets there. */
    static void awaitBegin(Hold begin, TestChore chore, Boss<?> boss) throws InterruptedException {
        Eventually.holds(BOUND, () -> begin.isHeld() || boss.isDone());
        if (boss.isDone() && !begin.isHeld()) {
            // Surfaces what the worker code threw (the stub's "not written yet"); if nothing, stop()
            // returned before the worker thread even began, and the worker is still to come.
            boss.result(BOUND, () -> "");
            Eventually.holds(BOUND, () -> begin.isHeld());
        }
        if (chore.worker() == boss.thread()) {
            fail(WorkerFeedback.ranOnCaller(Boss.NAME));
        }
        if (!begin.isHeld()) {
            fail(WorkerFeedback.neverBegan(BOUND) + WorkerFeedback.whereIs(boss.thread()));
        }
    }

    /**
     * Lets the worker run its rounds until its thread has used {@link #WARM_CPU} of CPU time: by
     * then its loop runs as code compiled by the JIT, on every run.
     *
     * @return the worker's CPU time in milliseconds
     */
    static long warmUp(TestChore chore, Boss<?> boss) throws InterruptedException {
        boolean began = Eventually.holds(BOUND, () -> chore.worker() != null || boss.isDone());
        if (!began || chore.worker() == null) {
            if (boss.isDone()) {
                boss.result(BOUND, () -> "");
            }
            fail(WorkerFeedback.neverBegan(BOUND) + WorkerFeedback.whereIs(boss.thread()));
        }
        Thread worker = chore.worker();
        if (worker == boss.thread()) {
            fail(WorkerFeedback.ranOnCaller(Boss.NAME));
        }
        long deadline = System.nanoTime() + WARM_BOUND.toNanos();
        // A worker that ends unasked (it may be held in end(), alive but idle) is judged at once.
        BooleanSupplier ended = () -> !worker.isAlive() || chore.ends() > 0;
        boolean hot = Eventually.holds(WARM_BOUND,
                () -> Threads.cpuNanos(worker) >= WARM_CPU.toNanos() || ended.getAsBoolean());
        if (hot && !ended.getAsBoolean()) {
            // On a loaded machine the JIT's threads may lag behind the worker: wait for C2 code too.
            Eventually.holds(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    () -> Jit.studentCodeCompiled() || ended.getAsBoolean());
            long compiledAt = Threads.cpuNanos(worker);
            Eventually.holds(WARM_BOUND, () -> Threads.cpuNanos(worker) - compiledAt >= AFTER_COMPILED_CPU.toNanos()
                    || ended.getAsBoolean());
        }
        long cpuMillis = Threads.cpuNanos(worker) / 1_000_000;
        if (ended.getAsBoolean()) {
            fail(WorkerFeedback.endedUnasked());
        }
        if (!hot) {
            fail(WorkerFeedback.neverGotHot(cpuMillis, WARM_BOUND));
        }
        return cpuMillis;
    }
}
