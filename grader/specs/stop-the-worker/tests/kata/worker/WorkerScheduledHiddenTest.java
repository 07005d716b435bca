package kata.worker;

import static org.junit.jupiter.api.Assertions.fail;

import kata.support.Graded;
import kata.support.Visibility;
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
    @DisplayName("An owner starts a worker and stops it at once: in every order of the steps, stop() returns once the worker's end() has returned, with the rounds it did")
    @Graded(id = "stop-in-every-order", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 120,
            scheduled = true)
    void stopRightAfterStartInEveryOrder() throws Exception {
        try {
            // Two preemptions: the owner is switched out after start(), the worker after it has read its
            // state, and the owner's request falls in between. The owner is the scenario's one thread;
            // the worker's is the one the student's start() starts.
            Interleavings.everySchedule().preemptions(2)
                    .given(Owned::new)
                    .thread("owner", Owned::startAndStop)
                    .check(Owned::expectStopped);
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(wakeUpLost(failure.getMessage()), failure);
            }
            if ("livelock".equals(failure.kind())) {
                fail(requestLost(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** A chore that counts its rounds: its own fields, outside the scheduler's view. */
    static final class Counted implements Chore {
        private volatile long rounds;
        private volatile boolean ended;

        @Override
        public void begin() {
        }

        @Override
        public void round() {
            rounds++;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    /** One owner's worker, and what its stop() returned. */
    static final class Owned {
        private final Counted chore = new Counted();
        private final Worker worker = new Worker(chore);
        private volatile long stopped = -1;
        private volatile boolean endedFirst;

        void startAndStop() throws InterruptedException {
            worker.start();
            stopped = worker.stop();
            endedFirst = chore.ended;
        }

        void expectStopped() {
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
                + " the request to stop was written while the worker was between reading its state and writing a new"
                + " one, and the worker's write undid it. A request to stop is written by the owner only; the worker"
                + " reads it (a volatile flag, or the thread's interrupt), and never writes over it.\n"
                + trace;
    }
}
