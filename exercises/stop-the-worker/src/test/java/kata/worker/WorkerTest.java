package kata.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
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
            if (!started.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)) {
                fail(WorkerFeedback.startDidNotReturn(BOUND) + WorkerFeedback.whereIs(boss.thread()));
            }

            cue.countDown();
            // Let the worker into its loop only once the stop request has been made.
            Eventually.holds(BOUND, () -> boss.isWaitingIn("stop") || boss.isDone());
            begin.open();
            boss.result(BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));

            if (!chore.awaitEnd(BOUND)) {
                fail(WorkerFeedback.neverEnded(BOUND));
            }
            assertEquals(1, chore.begins(), () -> WorkerFeedback.calls("begin()", 1, chore.begins()));
            assertEquals(1, chore.ends(), () -> WorkerFeedback.calls("end()", 1, chore.ends()));
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
        TestChore chore = TestChore.heldAtBegin(begin);
        Boss<Stopped> boss = Boss.start(() -> {
            Worker worker = new Worker(chore);
            worker.start();
            return stopped(worker, chore);
        });
        try {
            awaitBegin(begin, chore, boss);
            // The worker is held in begin(): a stop() that waits blocks now, one that does not returns.
            boolean settled = Eventually.holds(BOUND, () -> boss.isDone() || boss.isWaitingIn("stop"));
            if (boss.isDone()) {
                boss.result(BOUND, () -> "");
                fail(WorkerFeedback.returnedBeforeWorkerEnded("in the chore's begin()"));
            }
            if (!settled) {
                fail(WorkerFeedback.stopDidNotBlock(BOUND) + WorkerFeedback.whereIs(boss.thread()));
            }
            begin.open();

            Stopped stopped = boss.result(BOUND, () -> WorkerFeedback.stopNeverReturned(BOUND));
            if (!stopped.endedFirst()) {
                fail(WorkerFeedback.returnedBeforeWorkerEnded("finishing"));
            }
            assertEquals(chore.roundsAtEnd(), stopped.rounds(),
                    () -> WorkerFeedback.wrongCount(stopped.rounds(), chore.roundsAtEnd()));
        } finally {
            begin.open();
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
            boss.result(BOUND, () -> WorkerFeedback.neverSawStop(cpuMillis, BOUND));
            if (!chore.awaitEnd(BOUND)) {
                fail(WorkerFeedback.neverSawStop(cpuMillis, BOUND));
            }
        } finally {
            cue.countDown();
            boss.end();
        }
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
        boolean hot = Eventually.holds(WARM_BOUND,
                () -> Threads.cpuNanos(worker) >= WARM_CPU.toNanos() || !worker.isAlive());
        long cpuMillis = Threads.cpuNanos(worker) / 1_000_000;
        if (!worker.isAlive()) {
            fail(WorkerFeedback.endedUnasked());
        }
        if (!hot) {
            fail(WorkerFeedback.neverGotHot(cpuMillis, WARM_BOUND));
        }
        return cpuMillis;
    }
}
