package kata.support.interleave;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import kata.support.threads.Deadlocks;

/**
 * The outer guard of controlled runs, on a thread of its own. It never decides who runs; it only
 * stops a run whose code escaped the scheduler: a thread that runs on without reaching any
 * scheduling point for the run's wall-clock limit (a loop over local variables only), or one that
 * blocks in the JVM on a lock held by a thread the scheduler has paused (a lock inside the JDK that
 * the model does not see). Such a run ends as an error of the check or a hang, never as a pass.
 */
final class Watch {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long POLL_NANOS = 5_000_000L;
    /** Explorations activate one run after another: the watch stays through the short gaps. */
    private static final int IDLE_POLLS = 10;
    private static volatile Thread watcher;

    private Watch() {
    }

    /** True on the watch's own thread, which needs the JVM's view of threads, not the model's. */
    static boolean isWatcher() {
        return Thread.currentThread() == watcher;
    }

    /**
     * Starts the watch unless it is running. Call it once the run is active and before the hooks are
     * installed: the watch ends once no run has been active for a while (so that a check leaves no
     * thread of the scheduler's behind), and its thread must not be taken for one of the run's.
     */
    static synchronized void start() {
        if (watcher == null || !watcher.isAlive()) {
            Thread thread = new Thread(Watch::loop, "kata-scheduler-watch");
            thread.setDaemon(true);
            watcher = thread;
            thread.start();
        }
    }

    /** Ends the watch when no run is active (checked under the lock {@link #start} takes); true if it ended. */
    private static synchronized boolean endIfIdle() {
        if (Primitives.active() != null) {
            return false;
        }
        watcher = null;
        return true;
    }

    private static void loop() {
        Progress progress = new Progress();
        int idlePolls = 0;
        while (true) {
            LockSupport.parkNanos(POLL_NANOS);
            Run run = Primitives.active();
            idlePolls = run == null ? idlePolls + 1 : 0;
            if (idlePolls >= IDLE_POLLS && endIfIdle()) {
                return;
            }
            try {
                progress.check(run, System.nanoTime());
            } catch (RuntimeException | LinkageError e) {
                // The backstop must outlive any one run: a run it cannot judge is left to the next poll.
                progress.forget();
            }
        }
    }

    /** The last run watched and when its step count last moved. */
    private static final class Progress {
        private Run watched;
        private long lastSteps = -1;
        private long lastProgress;
        /** The paused actor seen holding what the running one is blocked on at the last poll, or null. */
        private Actor suspect;
        private long suspectTurns;

        void forget() {
            watched = null;
            suspect = null;
        }

        void check(Run run, long now) {
            if (run == null || run.over) {
                forget();
                return;
            }
            long steps = run.steps();
            if (run != watched || steps != lastSteps) {
                watched = run;
                lastSteps = steps;
                lastProgress = now;
            }
            long turns = run.turns();
            Actor current = run.current;
            Blocked blocked = current == null ? null : pausedOwnerBlocking(run, current);
            Actor owner = blocked == null ? null : blocked.owner();
            // The view is made of several reads while the run goes on: it counts only when the baton
            // did not move while it was taken, and when the next poll sees the same again (a run
            // blocked in the JVM stays so; a passing moment, say a thread that reacquires a monitor
            // after a wake-up meant for another, does not).
            if (owner == null || run.turns() != turns || run.current != current || run.over) {
                suspect = null;
            } else if (suspect == owner && suspectTurns == turns) {
                run.fail(Failure.uncontrolled("The scheduler could not control this run: thread \"" + current.name
                        + "\" waits in the JVM for " + blocked.lock() + ", which the paused thread \"" + owner.name
                        + "\" holds inside the JDK. This is a limit of the grader, not a verdict on your code.",
                        Deadlocks.describe(List.of(current.thread, owner.thread), run.names)));
                return;
            } else {
                suspect = owner;
                suspectTurns = turns;
                return;
            }
            Duration limit = run.settings.wallLimit();
            if (now - lastProgress > limit.toNanos()) {
                List<Thread> threads = run.actors().stream().filter(a -> !a.done).map(a -> a.thread).toList();
                run.fail(Failure.hang(limit, Deadlocks.describe(threads, run.names)));
            }
        }
    }

    /**
     * True when the monitor is the scheduler's own (the run's lock, an actor's signal, or a class of
     * the support library): an actor that has just handed over the baton still holds it for an instant.
     */
    private static boolean schedulersOwn(Run run, ThreadInfo info) {
        if (info.getLockInfo() == null) {
            return true;
        }
        int identity = info.getLockInfo().getIdentityHashCode();
        if (identity == System.identityHashCode(run.lock)) {
            return true;
        }
        for (Actor actor : run.actors()) {
            if (identity == System.identityHashCode(actor.signal)) {
                return true;
            }
        }
        return info.getLockInfo().getClassName().startsWith("kata.support.");
    }

    /** The paused actor that holds the monitor (named by the JVM) on which the running one is blocked. */
    private record Blocked(Actor owner, String lock) {
    }

    /**
     * The paused actor that holds the monitor on which the running actor is blocked in the JVM, or
     * null: the running actor could never go on, and the model could not see it coming.
     */
    private static Blocked pausedOwnerBlocking(Run run, Actor current) {
        if (current.thread.getState() != Thread.State.BLOCKED) {
            return null;
        }
        ThreadInfo info = THREADS.getThreadInfo(current.thread.getId());
        if (info == null || info.getThreadState() != Thread.State.BLOCKED || schedulersOwn(run, info)) {
            return null;
        }
        for (Actor owner : run.actors()) {
            if (owner != current && owner.thread.getId() == info.getLockOwnerId() && !owner.done
                    && owner.inRealWaitOn == null) {
                return new Blocked(owner, info.getLockName());
            }
        }
        return null;
    }
}
