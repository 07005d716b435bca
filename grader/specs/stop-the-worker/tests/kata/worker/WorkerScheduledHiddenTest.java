package kata.worker;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hidden check that explores schedules. This kata's other checks run the student's classes as
 * compiled (a scheduling point in the worker's loop would make it re-read its flag and hide the
 * plain-flag bug); this one runs a copy with scheduling points ({@code scheduled = true}), where
 * hotness does not matter: a request written between the worker's check and its act, or a wake-up
 * sent before stop() waits, shows in one order of the steps, and every order is tried.
 */
class WorkerScheduledHiddenTest {

    @Test
    @DisplayName("An owner starts a worker and stops it at once: in every order of the steps, stop() returns once the worker's end() has returned, with the rounds it did, also when end() takes 15 minutes")
    @Graded(id = "stop-in-every-order", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 120,
            scheduled = true)
    void stopRightAfterStartInEveryOrder() throws Exception {
        try {
            // Two preemptions: the owner is switched out after start(), the worker after it has read its
            // state, and the owner's request falls in between. The owner is the scenario's one thread;
            // the worker's is the one the student's start() starts.
            AtomicInteger threadsAtFirst = new AtomicInteger(-1);
            // A correct start() and stop() take a few thousand steps (the worker yields after 1 000 of its
            // own in a row): a worker still looping after 50 000 never saw the request, and is told so
            // 40 times sooner than at the default limit.
            Interleavings.everySchedule().preemptions(2).maxSteps(50_000)
                    .given(Owned::new)
                    .thread("owner", Owned::startAndStop)
                    .check(owned -> {
                        // A worker whose stop() leaves a thread behind (an executor never shut down) would
                        // pile up one per schedule: leaves-nothing-running judges that, not this check.
                        int threads = THREADS.getThreadCount();
                        threadsAtFirst.compareAndSet(-1, threads);
                        if (threads > threadsAtFirst.get() + LEFT_BEHIND_MARGIN) {
                            throw new ThreadsLeftBehind();
                        }
                        owned.expectStopped();
                    });
        } catch (InterleavingFailure failure) {
            if (failure.getCause() instanceof ThreadsLeftBehind) {
                return;
            }
            if ("deadlock".equals(failure.kind())) {
                fail(stopHoldsWhatTheWorkerNeeds(failure.getMessage()), failure);
            }
            if (failure.noThreadCanContinue()) {
                fail(wakeUpLost(failure.getMessage()), failure);
            }
            if ("livelock".equals(failure.kind()) && failure.headline().contains("\"owner\"")) {
                fail(RAN_ON_OWNER + "\n" + failure.getMessage(), failure);
            }
            if ("livelock".equals(failure.kind())) {
                fail(requestLost(failure.getMessage()), failure);
            }
            throw failure;
        }
        stopWaitsForASlowEnd();
    }

    /**
     * An end() that takes 15 minutes of virtual time: a wait with any time limit a student might pick runs
     * out first. No preemption needed; a stop() that waits again after each timeout of a second loops 900
     * times, well within the steps.
     */
    private static void stopWaitsForASlowEnd() {
        try {
            Interleavings.everySchedule().preemptions(0).maxSteps(50_000)
                    .given(() -> new Owned(SLOW_END))
                    .thread("owner", Owned::startAndStop)
                    .check(Owned::expectStopped);
        } catch (InterleavingFailure failure) {
            if ("livelock".equals(failure.kind())) {
                // A stop() that polls (sleep, then look) runs out of steps over 15 minutes: it does wait, and
                // the rule against sleeping judges the polling.
                return;
            }
            throw failure;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration SLOW_END = Duration.ofMinutes(15);
    /** More live threads than at the first schedule's end by this many: threads are left behind. */
    private static final int LEFT_BEHIND_MARGIN = 20;

    /** Ends the exploration: the schedules leave threads running. */
    private static final class ThreadsLeftBehind extends RuntimeException {
        ThreadsLeftBehind() {
            super("threads left behind", null, false, false);
        }
    }

    private static final String RAN_ON_OWNER = "The chore ran on the thread that called start() (\"owner\"), not on a"
            + " worker thread of its own. start() must start a new thread (Thread.start(), not run()) and return at once.";

    /** A chore that counts its rounds and notes its threads: its own fields, outside the scheduler's view. */
    static final class Counted implements Chore {
        private final Duration endTakes;
        private volatile long rounds;
        private volatile boolean ending;
        private volatile boolean ended;
        private volatile Thread begunOn;

        /** @param endTakes how long end() takes, in the run's virtual time (free: only waiting threads) */
        Counted(Duration endTakes) {
            this.endTakes = endTakes;
        }

        @Override
        public void begin() {
            begunOn = Thread.currentThread();
        }

        @Override
        public void round() {
            rounds++;
        }

        @Override
        public void end() {
            ending = true;
            long deadline = Controlled.nanoTime() + endTakes.toNanos();
            boolean interrupted = false;
            for (long left = endTakes.toNanos(); left > 0; left = deadline - Controlled.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    // Chores do not react to interrupts; the worker's pending one is kept for it.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            ended = true;
        }
    }

    /** One owner's worker, and what its stop() returned. */
    static final class Owned {
        private final Counted chore;
        private final Worker worker;
        private volatile long stopped = -1;
        private volatile boolean endedFirst;

        private volatile Thread owner;

        Owned() {
            this(Duration.ZERO);
        }

        Owned(Duration endTakes) {
            chore = new Counted(endTakes);
            worker = new Worker(chore);
        }

        void startAndStop() throws InterruptedException {
            owner = Thread.currentThread();
            worker.start();
            stopped = worker.stop();
            endedFirst = chore.ended;
        }

        void expectStopped() {
            if (chore.begunOn == owner) {
                fail(RAN_ON_OWNER);
            }
            if (chore.ending && !chore.ended && !chore.endTakes.isZero()) {
                fail("The worker's end() took " + chore.endTakes.toMinutes() + " minutes, and the owner's stop() returned"
                        + " before it had returned: stop() waits with a time limit (join(millis), await(timeout),"
                        + " get(timeout)) and then goes on. stop() must wait for as long as the worker takes: join()"
                        + " without a timeout, or wait again until the worker has ended.");
            }
            if (!chore.ended) {
                fail("The worker's thread ended without calling the chore's end(), in the order of steps below: the"
                        + " worker must call end() once after its last round, also when it was asked to stop before"
                        + " its first one.");
            }
            if (!endedFirst) {
                fail("The owner's stop() returned before its worker's end() had returned, in the order of steps below."
                        + " stop() must wait until the worker thread has ended: join() it, or wait for a signal the"
                        + " worker sends after end().");
            }
            if (stopped != chore.rounds) {
                fail("The owner's stop() returned " + stopped + ", but its worker did " + chore.rounds + " rounds, in the"
                        + " order of steps below. Read the count after the wait, once the worker has written it.");
            }
        }
    }

    /** This hidden check's messages: kept out of the students' repository with the check. */
    private static String wakeUpLost(String trace) {
        return "An owner called stop() right after start(), and in the order of steps below its stop() waits for"
                + " ever: the worker had ended, and the wake-up it sent came before stop() began to wait. Check the condition and wait under the same lock the worker sets it under"
                + " (synchronized (lock) { while (!finished) lock.wait(); }), or simply join() the worker's thread.\n"
                + trace;
    }

    private static String requestLost(String trace) {
        return "An owner called stop() right after start(), and in the order of steps below the worker never stops:"
                + " the request to stop was lost. A worker that writes the field holding the request (a state it"
                + " moves on after begin(), say) can write over a request that came between its read and its write;"
                + " one that clears its interrupt status (Thread.interrupted()) after begin() forgets a request made"
                + " during begin(). The owner writes the request, the worker only reads it.\n"
                + trace;
    }

    private static String stopHoldsWhatTheWorkerNeeds(String trace) {
        return "An owner called stop() right after start(), and in the order of steps below the owner and the worker"
                + " wait for each other: stop() waits for the worker while it holds a lock the worker needs to get"
                + " to its end. Wait for the worker without holding the lock (join() outside synchronized, or"
                + " wait() on that lock, which lets it go).\n"
                + trace;
    }
}
