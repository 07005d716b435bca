package kata.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: the count after a hot run is complete and published; nothing is left running. */
class WorkerHiddenTest {

    private static final Duration BOUND = WorkerTest.BOUND;

    private static String wokeBeforeCountWritten(long returned, long done) {
        return "stop() returned " + returned + " rounds, but the worker did " + done + ". The worker was held just"
                + " after it woke the thread waiting in stop() (a latch counted down, a lock released, a future"
                + " completed), and stop() then read a count the worker had not written yet: the wake-up came before"
                + " the state it announces. Write the count first, then wake stop() (count the latch down last, in"
                + " the finally), or have stop() join the worker thread and read the count after the join.";
    }

    /** Opens a leftover-thread message about a stop() whose caller was interrupted. */
    private static final String AFTER_INTERRUPTED_STOP = "The caller of stop() was interrupted while stop() waited for the"
            + " worker, and stop() threw InterruptedException, as it should; the worker, already asked to stop, then"
            + " ended its rounds. But the cleanup after the wait was skipped on that path: ";

    @Test
    @DisplayName("After a hot run, stop() waits for the worker and returns every round it did")
    @Graded(id = "hot-result-complete", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void hotRunCountIsCompleteAndPublished() throws Exception {
        Hold end = new Hold();
        TestChore chore = TestChore.heldAtEnd(end);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<WorkerTest.Stopped> boss = WorkerTest.bossThatStopsOnCue(chore, cue);
        try {
            long cpuMillis = WorkerTest.warmUp(chore, boss);

            cue.countDown();
            // The worker is held in end(), after millions of rounds: a stop() that waits blocks now.
            StopProblems problems = StopProblems.of(boss, chore);
            boolean settled = WorkerTest.untilUnlessStuck(problems,
                    () -> boss.isDone() || end.isHeld() && boss.isWaitingIn("stop"));
            if (boss.isDone()) {
                boss.result(BOUND, () -> "");
                fail(WorkerFeedback.returnedBeforeWorkerEnded(end.isHeld() ? "in the chore's end()"
                        : "in its loop"));
            }
            if (!end.isHeld()) {
                fail(WorkerFeedback.neverSawStop(cpuMillis, BOUND) + WorkerFeedback.whereIs(boss.thread()));
            }
            WorkerTest.failIfStoppedByLuck(cpuMillis);
            if (!settled) {
                fail(WorkerFeedback.stopDidNotBlock(BOUND) + WorkerFeedback.whereIs(boss.thread()));
            }
            WorkerTest.awaitStillWaiting(boss, "in the chore's end()");
            WorkerTest.Stopped result;
            boolean wokeStopFirst;
            // The worker is held just after it wakes stop(): what stop() returns must be written by then.
            try (WakeUpHold wakeUp = WakeUpHold.install(boss.thread())) {
                wakeUp.arm();
                end.open();
                result = boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
                wokeStopFirst = wakeUp.heldOnce();
            }
            WorkerTest.Stopped stopped = result;
            if (!stopped.endedFirst()) {
                fail(WorkerFeedback.returnedBeforeWorkerEnded("finishing"));
            }
            assertEquals(chore.roundsAtEnd(), stopped.rounds(), () -> wokeStopFirst
                    ? wokeBeforeCountWritten(stopped.rounds(), chore.roundsAtEnd())
                    : WorkerFeedback.wrongCount(stopped.rounds(), chore.roundsAtEnd()));
        } finally {
            end.open();
            cue.countDown();
            boss.end();
        }
    }

    @Test
    @DisplayName("Once stopped, the worker leaves no thread running, also when the caller of stop() was interrupted while it waited")
    @Graded(id = "leaves-nothing-running", points = 1, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 60)
    void leavesNothingRunning() throws Exception {
        Set<Thread> before = Threads.alive();
        Hold begin = new Hold();
        TestChore chore = TestChore.heldAtBegin(begin);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<WorkerTest.Stopped> boss = WorkerTest.bossThatStopsOnCue(chore, cue);
        try {
            WorkerTest.awaitBegin(begin, chore, boss);
            // stop() only once the worker thread is in begin(): its thread, pool or task is under way.
            cue.countDown();
            // Let the worker into its loop only once the stop request has been made.
            Eventually.holds(BOUND, () -> boss.isWaitingIn("stop") || boss.isDone() || WorkerTest.startWaits(boss));
            begin.open();
            boss.resultOfStop(chore, BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!WorkerTest.awaitEnd(boss, chore)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
        } finally {
            begin.open();
            cue.countDown();
            boss.end();
        }
        failIfLeftRunning(before, "");
        interruptedStopLeavesNothingRunning();
    }

    /**
     * The caller of stop() is interrupted while stop() waits for the worker held in begin(): stop()
     * throws (interrupted-stop-throws judges how), the worker still stops, as it was asked to, and
     * must leave no thread behind: cleanup (a pool's shutdown, say) belongs in a finally.
     */
    private static void interruptedStopLeavesNothingRunning() throws Exception {
        Set<Thread> before = Threads.alive();
        Hold begin = new Hold();
        TestChore chore = TestChore.heldAtBegin(begin);
        CountDownLatch cue = new CountDownLatch(1);
        Boss<Boolean> boss = Boss.start(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            cue.await();
            try {
                worker.stop();
                return false;
            } catch (InterruptedException expected) {
                return true;
            }
        });
        try {
            WorkerTest.awaitBegin(begin, chore, boss);
            cue.countDown();
            // How stop() waits, and what it does when interrupted, are other checks' business: this one
            // goes on only with a stop() that waits and then throws.
            if (!Eventually.holds(BOUND, () -> boss.isDone() || boss.isWaitingWithoutTimeoutIn("stop"))
                    || boss.isDone()) {
                return;
            }
            boss.thread().interrupt();
            if (!Eventually.holds(BOUND, boss::isDone)
                    || !boss.result(BOUND, () -> WorkerFeedback.interruptIgnored(BOUND))) {
                return;
            }
            begin.open();
            if (!Eventually.holds(BOUND, chore::hasEnded)) {
                return; // The worker did not stop (the request withdrawn, end() never called): judged elsewhere.
            }
        } finally {
            begin.open();
            cue.countDown();
            boss.end();
        }
        failIfLeftRunning(before, AFTER_INTERRUPTED_STOP);
    }

    /** Fails when a thread started since {@code before} is still alive (a pool's idle worker at once). */
    private static void failIfLeftRunning(Set<Thread> before, String when) {
        // A pool's worker idle in a pool nobody shut down will never end: no need to wait it out.
        boolean allEnded = Eventually.holds(BOUND, () -> Threads.startedSince(before).stream()
                .allMatch(Threads::idleInLivePool)) && Threads.startedSince(before).isEmpty();
        if (!allEnded) {
            Set<Thread> left = Threads.startedSince(before);
            fail(when + (left.stream().allMatch(Threads::idleInLivePool)
                    ? WorkerFeedback.leftIdleInPool(Threads.names(left))
                    : WorkerFeedback.leftRunning(Threads.names(left), BOUND)));
        }
    }
}
