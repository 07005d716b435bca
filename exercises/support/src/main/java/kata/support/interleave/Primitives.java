package kata.support.interleave;

import java.util.List;
import kata.support.agent.internal.Site;
import kata.support.agent.internal.Sites;
import kata.support.boot.Dispatcher;
import kata.support.boot.Hooks;

/**
 * The model of Java's blocking primitives under the scheduler: monitors with their wait sets,
 * {@code LockSupport}'s park permit (on which every {@code java.util.concurrent} synchronizer is
 * built), {@code Thread.join}, {@code sleep}, interrupts, the start and end of threads, and the
 * virtual clock. Installed as the hooks' {@link Dispatcher} while a run is active. Each operation
 * first finds the calling thread's {@link Actor}; for any other thread it answers "not controlled",
 * and the hook does what the JDK would have done.
 */
final class Primitives implements Dispatcher {

    private static final ThreadLocal<Actor> ACTOR = new ThreadLocal<>();
    private static final Primitives INSTANCE = new Primitives();
    private static volatile Run active;

    private Primitives() {
    }

    /** Makes {@code run} the controlled run: hooks of its actors now go to the scheduler. */
    static void activate(Run run) {
        active = run;
        // Before the hooks: the watch's own thread must not become one of the run's threads.
        Watch.start();
        Hooks.install(INSTANCE);
    }

    /** No run is controlled any more: every hook does what the JDK does. */
    static void deactivate(Run run) {
        if (active == run) {
            Hooks.install(null);
            active = null;
        }
    }

    /** The run now active, or null. */
    static Run active() {
        return active;
    }

    /** Binds the calling thread to its actor (an adopted thread, or one that begins). */
    static void bind(Actor actor) {
        ACTOR.set(actor);
    }

    static void unbind() {
        ACTOR.remove();
    }

    /** The calling thread's actor in the active run, or null: not controlled (or inside a hook). */
    private static Actor actor() {
        Run run = active;
        if (run == null) {
            return null;
        }
        Actor actor = ACTOR.get();
        if (actor == null || actor.run != run) {
            if (!run.anyNotBegun()) {
                return null;
            }
            actor = run.lookup(Thread.currentThread());
            if (actor == null || actor.begun) {
                return null;
            }
            // A thread started under control that reached a hook before its run(): it begins here.
            ACTOR.set(actor);
            if (run.begin(actor) == Run.Resume.ABANDONED) {
                throw ScheduleAbandoned.INSTANCE;
            }
        }
        if (actor.done || actor.reentry > 0 || run.over) {
            return null;
        }
        return actor;
    }

    /** The actor of another thread in the active run, or null. */
    private static Actor actorOf(Thread thread) {
        Run run = active;
        if (run == null) {
            return null;
        }
        Actor mine = ACTOR.get();
        if (mine != null && mine.thread == thread && mine.run == run) {
            return mine;
        }
        return run.lookup(thread);
    }

    private static void unwind(Run.Resume resume) {
        if (resume == Run.Resume.ABANDONED) {
            throw ScheduleAbandoned.INSTANCE;
        }
    }

    // ---- points -------------------------------------------------------------------------------------

    @Override
    public boolean point(int site, int kind) {
        return access(null, site);
    }

    @Override
    public boolean field(Object object, int site) {
        return access(object, site);
    }

    /**
     * A point before a field access (of {@code object}, or static) or a call into the JDK (on
     * {@code object}, when the agent passed it).
     */
    private boolean access(Object object, int site) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        actor.reentry++;
        try {
            Run run = actor.run;
            unwind(run.point(actor, site, false));
            Site.Kind kind = Sites.get(site).kind();
            if (kind == Site.Kind.READ || kind == Site.Kind.WRITE) {
                run.accessed(actor, object, site);
            } else if (kind == Site.Kind.CALL && object != null) {
                run.called(actor, object, site);
            } else if (kind == Site.Kind.CALL || kind == Site.Kind.RETURNED) {
                run.synchronizes(actor, site);
            }
        } finally {
            actor.reentry--;
        }
        return true;
    }

    @Override
    public boolean yieldHint(int site) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        actor.reentry++;
        try {
            unwind(actor.run.point(actor, site, true));
        } finally {
            actor.reentry--;
        }
        return true;
    }

    @Override
    public void initializer(boolean entering) {
        Actor actor = ACTOR.get();
        if (actor != null && actor.run == active) {
            actor.unpausable += entering ? 1 : -1;
        }
    }

    // ---- monitors -----------------------------------------------------------------------------------

    @Override
    public boolean monitorEnter(Object monitor, int site) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            unwind(run.point(actor, site, false));
            while (true) {
                synchronized (run.lock) {
                    Actor owner = run.monitors.owner(monitor);
                    if (owner == null || owner == actor) {
                        run.monitors.enter(actor, monitor, site);
                        run.monitorChanged(actor, monitor, true);
                        run.trace.locked(actor.index, site, monitor);
                        return true;
                    }
                }
                Run.Resume resume = run.block(actor, new Wait.MonitorEntry(monitor, site));
                if (resume != Run.Resume.GO) {
                    unwind(resume);
                    return false;
                }
                synchronized (run.lock) {
                    run.resumed(actor);
                }
            }
        } finally {
            actor.reentry--;
        }
    }

    @Override
    public boolean monitorEntered(Object monitor, int site) {
        return actor() != null;
    }

    @Override
    public boolean monitorExited(Object monitor, int site) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            synchronized (run.lock) {
                if (run.monitors.owner(monitor) == actor) {
                    run.monitorChanged(actor, monitor, false);
                }
                run.monitors.exit(actor, monitor);
            }
            unwind(run.point(actor, site, false));
        } finally {
            actor.reentry--;
        }
        return true;
    }

    @Override
    public boolean waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        Actor actor = actor();
        if (actor == null || millis < 0 || nanos < 0 || nanos > 999_999) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            unwind(run.point(actor, site, false));
            Wait.MonitorWait wait;
            synchronized (run.lock) {
                if (run.monitors.owner(monitor) != actor) {
                    // Not held: the real wait() throws IllegalMonitorStateException, as it should.
                    return false;
                }
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long nanosTotal = millis == 0 && nanos == 0 ? 0 : saturated(millis, nanos);
            synchronized (run.lock) {
                long deadline = nanosTotal == 0 ? Wait.NEVER : run.clock.after(nanosTotal);
                run.monitorChanged(actor, monitor, false);
                int count = run.monitors.release(actor, monitor);
                wait = new Wait.MonitorWait(monitor, site, deadline, count);
                run.trace.waits(actor.index, site, monitor);
            }
            // From here the actor waits for its turn inside the real wait() of the monitor.
            actor.inRealWaitOn = monitor;
            Run.Resume resume = run.block(actor, wait);
            actor.inRealWaitOn = null;
            if (resume != Run.Resume.GO) {
                unwind(resume);
                return true;
            }
            boolean interrupted;
            synchronized (run.lock) {
                interrupted = actor.interruptPending && !wait.notified && !run.clock.passed(wait.deadline());
                run.monitors.reacquire(actor, monitor, wait.count, site);
                run.monitorChanged(actor, monitor, true);
                run.resumed(actor);
            }
            if (interrupted) {
                Thread.interrupted();
                throw new InterruptedException();
            }
            return true;
        } finally {
            actor.reentry--;
        }
    }

    @Override
    public boolean notifyOne(Object monitor, int site) {
        return notifyWaiters(monitor, site, false);
    }

    @Override
    public boolean notifyEvery(Object monitor, int site) {
        return notifyWaiters(monitor, site, true);
    }

    private boolean notifyWaiters(Object monitor, int site, boolean all) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            unwind(run.point(actor, site, false));
            synchronized (run.lock) {
                if (run.monitors.owner(monitor) != actor) {
                    return false;
                }
                List<Actor> waiting = run.interruptedLeave(run.monitors.waiting(monitor));
                if (!waiting.isEmpty()) {
                    // Whom notify() wakes is the JVM's choice: the schedule explores it.
                    List<Actor> woken = all ? waiting : List.of(run.wake(waiting));
                    for (Actor waiter : woken) {
                        ((Wait.MonitorWait) waiter.wait).notified = true;
                    }
                }
            }
            return true;
        } finally {
            actor.reentry--;
        }
    }

    // ---- time -----------------------------------------------------------------------------------------

    @Override
    public long nanoTime() {
        Actor actor = actor();
        return actor == null ? Long.MIN_VALUE : actor.run.clock.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        Actor actor = actor();
        return actor == null ? Long.MIN_VALUE : actor.run.clock.currentTimeMillis();
    }

    @Override
    public boolean sleep(long nanos) throws InterruptedException {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("sleep interrupted");
            }
            if (nanos == 0) {
                unwind(run.point(actor, -1, true));
                return true;
            }
            Wait.Sleep wait;
            synchronized (run.lock) {
                wait = new Wait.Sleep(run.clock.after(nanos));
            }
            Run.Resume resume = run.block(actor, wait);
            if (resume != Run.Resume.GO) {
                unwind(resume);
                return false;
            }
            boolean interrupted;
            synchronized (run.lock) {
                interrupted = actor.interruptPending && !run.clock.passed(wait.deadline());
                run.resumed(actor);
            }
            if (interrupted) {
                Thread.interrupted();
                throw new InterruptedException("sleep interrupted");
            }
            return true;
        } finally {
            actor.reentry--;
        }
    }

    // ---- threads ----------------------------------------------------------------------------------

    @Override
    public void threadStarting(Thread thread) {
        Actor actor = actor();
        if (actor != null && thread.getState() == Thread.State.NEW) {
            actor.run.started(actor, thread);
        }
    }

    @Override
    public void threadBegins() {
        Run run = active;
        if (run == null || !run.anyNotBegun()) {
            return;
        }
        Actor actor = run.lookup(Thread.currentThread());
        if (actor == null || actor.begun) {
            return;
        }
        ACTOR.set(actor);
        if (run.begin(actor) == Run.Resume.ABANDONED) {
            throw ScheduleAbandoned.INSTANCE;
        }
    }

    @Override
    public void threadExits() {
        Actor actor = ACTOR.get();
        if (actor != null && actor.run == active) {
            actor.run.finish(actor);
        }
        ACTOR.remove();
    }

    @Override
    public boolean join(Thread thread, long millis) throws InterruptedException {
        Actor actor = actor();
        Actor target = actor == null ? null : actorOf(thread);
        if (target == null || target == actor) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            unwind(run.point(actor, -1, false));
            Wait.Join wait;
            synchronized (run.lock) {
                if (target.done) {
                    run.joined(actor, target);
                    return true;
                }
                wait = new Wait.Join(target, millis == 0 ? Wait.NEVER : run.clock.after(saturated(millis, 0)));
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Run.Resume resume = run.block(actor, wait);
            if (resume != Run.Resume.GO) {
                unwind(resume);
                return false;
            }
            boolean interrupted;
            synchronized (run.lock) {
                interrupted = actor.interruptPending && !target.done && !run.clock.passed(wait.deadline());
                if (target.done) {
                    run.joined(actor, target);
                }
                run.resumed(actor);
            }
            if (interrupted) {
                Thread.interrupted();
                throw new InterruptedException();
            }
            return true;
        } finally {
            actor.reentry--;
        }
    }

    @Override
    public int isAlive(Thread thread) {
        Actor target = actorOf(thread);
        return target == null || Watch.isWatcher() ? -1 : target.done ? 0 : 1;
    }

    @Override
    public Thread.State state(Thread thread) {
        Actor target = actorOf(thread);
        if (target == null || Watch.isWatcher()) {
            return null;
        }
        Wait wait = target.wait;
        if (target.done) {
            return Thread.State.TERMINATED;
        }
        if (wait == null || wait instanceof Wait.Quiet) {
            return Thread.State.RUNNABLE;
        }
        if (wait instanceof Wait.MonitorEntry) {
            return Thread.State.BLOCKED;
        }
        return wait.deadline() == Wait.NEVER ? Thread.State.WAITING : Thread.State.TIMED_WAITING;
    }

    @Override
    public void interrupting(Thread thread) {
        Actor target = actorOf(thread);
        if (target == null) {
            return;
        }
        Actor interrupter = actor();
        synchronized (target.run.lock) {
            if (interrupter != null && interrupter.run == target.run) {
                target.run.trace.event(interrupter.index, Trace.Event.INTERRUPTS, target.index);
            }
            Wait wait = target.wait;
            if (wait != null && wait.interruptible()) {
                target.interruptPending = true;
            }
        }
    }

    // ---- LockSupport ---------------------------------------------------------------------------------

    @Override
    public boolean park(Object blocker, int mode, long time) {
        Actor actor = actor();
        if (actor == null) {
            return false;
        }
        Run run = actor.run;
        actor.reentry++;
        try {
            // Null when park returns at once: a permit, an interrupt, a deadline already passed.
            Wait.Park wait = null;
            synchronized (run.lock) {
                if (actor.permit) {
                    actor.permit = false;
                } else if (!actor.thread.isInterrupted()) {
                    long deadline = switch (mode) {
                        case PARK_NANOS -> run.clock.after(time);
                        case PARK_UNTIL -> run.clock.atEpochMillis(time);
                        default -> Wait.NEVER;
                    };
                    if (!run.clock.passed(deadline)) {
                        // Condition.await sets the blocker first and then parks without one.
                        Object waitedFor = blocker != null ? blocker
                                : java.util.concurrent.locks.LockSupport.getBlocker(actor.thread);
                        wait = new Wait.Park(waitedFor, deadline, -1);
                    }
                }
            }
            if (wait != null) {
                Run.Resume resume = run.block(actor, wait);
                unwind(resume);
                synchronized (run.lock) {
                    if (resume == Run.Resume.GO) {
                        actor.permit = false;
                        run.resumed(actor);
                    }
                }
            }
            // Back from park for any reason (permit, interrupt, time-out): as the JDK may return. A
            // JDK event for the race detectors: the await or lock it is part of may end in an
            // exception, with no point of the student's after it.
            run.synchronizes(actor, -1);
            return true;
        } finally {
            actor.reentry--;
        }
    }

    @Override
    public boolean unpark(Thread thread) {
        Actor target = actorOf(thread);
        if (target == null) {
            return false;
        }
        synchronized (target.run.lock) {
            if (!target.done) {
                target.permit = true;
            }
        }
        return true;
    }

    private static long saturated(long millis, int nanos) {
        return millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L + nanos;
    }
}
