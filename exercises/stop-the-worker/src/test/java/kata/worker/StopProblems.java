package kata.worker;

import java.time.Duration;
import java.util.Optional;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;
import kata.support.threads.Threads;

/**
 * What a check sees go wrong once the boss is in stop(), as events that have happened rather than
 * as a bound running out: stop() waits while holding a lock the worker needs (neither can move
 * again), the worker goes on with its rounds (it never saw the request), or the worker's thread
 * ends without calling end() after stop() returned. A check that sees
 * neither still waits its bound for stop() to return, or the worker to end.
 */
final class StopProblems {

    /**
     * CPU time the worker may use, after the boss was seen in stop(), without calling end(). A
     * worker that sees the request finishes the round in progress and calls end(): microseconds.
     * Counted in the worker's own CPU time, so a busy machine or one CPU does not make it larger.
     */
    static final Duration RUNAWAY_CPU = Duration.ofMillis(500);
    /** How often to look for the lock that stop() holds: each look stops the JVM's threads briefly. */
    private static final long LOCK_LOOK_EVERY_NANOS = 20_000_000L;

    private final Boss<?> boss;
    private final TestChore chore;
    private long cpuInStop = -1;
    private long nextLockLook = System.nanoTime();

    private StopProblems(Boss<?> boss, TestChore chore) {
        this.boss = boss;
        this.chore = chore;
    }

    /** Watches the boss's stop() of the worker that does this chore. */
    static StopProblems of(Boss<?> boss, TestChore chore) {
        return new StopProblems(boss, chore);
    }

    /** Watches only for a stop() that holds a lock some unfinished worker needs. */
    static StopProblems locksOnly(Boss<?> boss) {
        return new StopProblems(boss, null);
    }

    /** The problem seen so far, for the student; empty while there is none. */
    Optional<String> now() {
        if (!boss.isDone() && System.nanoTime() - nextLockLook >= 0) {
            nextLockLook = System.nanoTime() + LOCK_LOOK_EVERY_NANOS;
            Optional<String> stuck = Deadlocks.holdsWhileWaiting(boss.thread(), TestChore.unfinishedWorkers(),
                    LockNames.none());
            if (stuck.isPresent()) {
                return Optional.of(WorkerFeedback.waitsHoldingWorkersLock(stuck.get()));
            }
        }
        Thread worker = chore == null ? null : chore.worker();
        if (worker == null || chore.ends() > 0) {
            return Optional.empty();
        }
        if (boss.isDone() && !worker.isAlive() && chore.ends() == 0) {
            // stop() has returned and the worker's thread is gone (read after it: all it did is
            // visible): nobody is left to call end().
            return Optional.of(WorkerFeedback.endSkipped(worker.getName()));
        }
        if (cpuInStop < 0) {
            // In stop(), or done with it: the request has been made.
            if (boss.isDone() || boss.isIn("stop")) {
                cpuInStop = Threads.cpuNanos(worker);
            }
            return Optional.empty();
        }
        long more = Threads.cpuNanos(worker) - cpuInStop;
        if (more >= RUNAWAY_CPU.toNanos()) {
            return Optional.of(WorkerFeedback.keptRunning(more / 1_000_000, WorkerTest.plainStopRequest()));
        }
        return Optional.empty();
    }
}
