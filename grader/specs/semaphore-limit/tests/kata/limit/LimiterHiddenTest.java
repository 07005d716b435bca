package kata.limit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the limit follows the constructor, the timed variant really waits, and neither a
 * timeout nor an interrupt hands out a permit that was never taken. Each compares the limiter with
 * itself before and after, so that it targets its own mistake and not a wrong count.
 */
class LimiterHiddenTest {

    @Test
    @DisplayName("The limit is the number of permits given: Limiter(1) runs 1 task at once, Limiter(5) runs 5")
    @Graded(id = "permits-as-given", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void limitFollowsTheConstructor() throws InterruptedException {
        for (int permits : new int[] {1, 5}) {
            try (Crowd crowd = Crowd.gather(new Limiter(permits), "task", permits + 3)) {
                if (crowd.inside() != permits) {
                    fail(LimiterFeedback.wrongCount(permits, crowd.size(), crowd.inside()));
                }
                crowd.release();
            }
        }
    }

    @Test
    @DisplayName("tryRun(task, 1 min) waits for a permit that frees up and then runs the task")
    @Graded(id = "timed-waits-for-permit", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void timedRunWaitsForAPermit() throws InterruptedException {
        Limiter limiter = new Limiter(3);
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Boolean> answer = new AtomicReference<>();

        try (Crowd holders = Crowd.gather(limiter, "holder", 5);
             Callers patient = Callers.start("patient", 1,
                     () -> answer.set(limiter.tryRun(() -> ran.set(true), 1, TimeUnit.MINUTES)))) {
            if (!holders.full()) {
                fail(LimiterFeedback.neverFull(3, holders.size()));
            }
            patient.awaitSettled();
            if (!patient.finished().isEmpty()) {
                patient.rethrowFirst();
                fail(LimiterFeedback.gaveUpAtOnce(answer.get()));
            }
            holders.release();
            if (!patient.awaitFinished(Callers.PATIENCE)) {
                fail(LimiterFeedback.stillWaitingAfterRelease(1, Callers.PATIENCE, patient.describeAlive()));
            }
            patient.rethrowFirst();
            if (!Boolean.TRUE.equals(answer.get()) || !ran.get()) {
                fail(LimiterFeedback.missedFreedPermit(answer.get(), ran.get()));
            }
        }
    }

    @Test
    @DisplayName("A tryRun that timed out gives no permit back: afterwards as many tasks run at once as before")
    @Graded(id = "timeout-keeps-limit", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void timeoutKeepsTheLimit() throws InterruptedException {
        Limiter limiter = new Limiter(3);
        int before = Crowd.atOnce(limiter, "before", 5);
        AtomicReference<Boolean> answer = new AtomicReference<>();

        try (Crowd holders = Crowd.gather(limiter, "holder", 5);
             Callers impatient = Callers.start("impatient", 1,
                     () -> answer.set(limiter.tryRun(() -> { }, 50, TimeUnit.MILLISECONDS)))) {
            if (!holders.full()) {
                fail(LimiterFeedback.neverFull(3, holders.size()));
            }
            if (!impatient.awaitFinished(Callers.PATIENCE)) {
                fail(LimiterFeedback.neverGaveUp("tryRun(task, 50 ms)", Callers.PATIENCE, impatient.describeAlive()));
            }
            impatient.rethrowFirst();
            holders.release();
        }
        int after = Crowd.atOnce(limiter, "after", 5);

        if (after != before) {
            fail(LimiterFeedback.changedByTimeout(answer.get(), before, after));
        }
    }

    @Test
    @DisplayName("A waiting caller that is interrupted throws InterruptedException, and the limit stays as it was")
    @Graded(id = "interrupt-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void interruptedCallerLeavesTheLimitAlone() throws InterruptedException {
        Limiter limiter = new Limiter(3);
        int before = Crowd.atOnce(limiter, "before", 5);
        AtomicBoolean ran = new AtomicBoolean();

        try (Crowd holders = Crowd.gather(limiter, "holder", 5);
             Callers waiter = Callers.start("waiter", 1, () -> limiter.run(() -> ran.set(true)))) {
            if (!holders.full()) {
                fail(LimiterFeedback.neverFull(3, holders.size()));
            }
            waiter.awaitSettled();
            if (!waiter.finished().isEmpty()) {
                waiter.rethrowFirst();
                fail(LimiterFeedback.turnedAway(waiter.finished(), null));
            }
            waiter.interrupt(0);
            if (!waiter.awaitFinished(Callers.PATIENCE)) {
                fail(LimiterFeedback.ignoredInterrupt(Callers.PATIENCE, waiter.describeAlive()));
            }
            Throwable thrown = waiter.thrown(0).orElse(null);
            if (!(thrown instanceof InterruptedException) || ran.get()) {
                fail(LimiterFeedback.wrongInterruptOutcome(thrown, ran.get()));
            }
            holders.release();
        }
        int after = Crowd.atOnce(limiter, "after", 5);

        if (after != before) {
            fail(LimiterFeedback.changedByInterrupt(before, after));
        }
    }
}
