package kata.support.interleave;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kata.support.agent.internal.Sites;
import kata.support.threads.LockNames;

/**
 * One controlled execution. Exactly one actor holds the baton and runs; every other one waits in
 * the scheduler, either ready or blocked on something the model knows ({@link Wait}). At each
 * scheduling point the {@link Strategy} decides whether the running actor goes on; when it blocks
 * or ends, the strategy chooses among the actors whose wait is over. When none is, the virtual
 * {@link Clock} jumps to the earliest deadline; when there is none either, the run is deadlocked or
 * stuck, and {@link WaitsFor} says how.
 *
 * <p>Nothing here looks at the JVM's view of a thread or at the real clock: which actor can run
 * follows from the model alone, so a schedule is the same on every machine. (The {@link Watch}
 * only guards against code that escapes the scheduler altogether.)
 */
final class Run {

    /** Limits and modes of a run. */
    record Settings(long maxSteps, int spinLimit, Duration wallLimit, String forbidWaitingReason,
                    boolean onlyAtSynchronization, long settleSteps, RaceDetection raceDetection) {
    }

    /** How an actor comes back from waiting for the baton. */
    enum Resume {
        /** It holds the baton: go on. */
        GO,
        /** The run ended normally: go on without control. */
        DETACHED,
        /** The run failed: unwind. */
        ABANDONED
    }

    /** How much time passes per round while every thread that can run busy-waits. */
    private static final long SPIN_QUANTUM_NANOS = 1_000_000L;

    final Object lock = new Object();
    final Monitors monitors = new Monitors();
    final Clock clock = new Clock();
    final Trace trace = new Trace();
    final Settings settings;
    final LockNames names;
    private final Strategy strategy;
    private final List<Actor> actors = new ArrayList<>();
    private final Map<Thread, Actor> byThread = new IdentityHashMap<>();
    private final Object ended = new Object();

    volatile Actor current;
    volatile boolean over;
    private volatile Failure failure;
    private volatile boolean abandoned;
    private volatile long steps;
    /** Times the baton changed hands; the watch reads it to know that its view of the run held still. */
    private volatile long turns;
    /** Times an actor blocked on something the model knows (a monitor, a park, a join, a sleep). */
    private long blocks;
    /** Actors registered but not yet running under control; lookups by thread are needed only then. */
    private volatile int notBegun;
    /** Step count when the oldest actor now waiting for quiet started waiting, or -1. */
    private long settlingSince = -1;
    /** Root actors (scenario threads, the test) not yet done. */
    private int roots;

    /** The data-race detectors the run looks for races with (none, or collections, or fields too); guarded by the lock. */
    private final List<Races> detectors;

    Run(Strategy strategy, Settings settings, LockNames names) {
        this.strategy = strategy;
        this.settings = settings;
        this.names = names;
        this.detectors = settings.raceDetection().detectors();
    }

    // ---- actors ------------------------------------------------------------------------------------

    /** Takes a running thread under control (a scenario thread, the test's own thread). */
    Actor adopt(Thread thread, String name) {
        synchronized (lock) {
            Actor actor = register(thread, name);
            actor.begun = true;
            for (Races races : detectors) {
                races.started(actor.index, name, -1);
            }
            return actor;
        }
    }

    /** A controlled actor starts a thread: it is under control from its first instruction. */
    void started(Actor parent, Thread child) {
        synchronized (lock) {
            if (over || byThread.containsKey(child)) {
                return;
            }
            Actor actor = register(child, child.getName());
            notBegun++;
            for (Races races : detectors) {
                races.started(actor.index, actor.name, parent.index);
            }
            trace.event(parent.index, Trace.Event.STARTS, actor.index);
        }
    }

    private Actor register(Thread thread, String name) {
        Actor actor = new Actor(this, actors.size(), thread, name);
        actors.add(actor);
        byThread.put(thread, actor);
        return actor;
    }

    /** The actor of a thread that was registered but has not begun yet, or any actor when asked. */
    Actor lookup(Thread thread) {
        synchronized (lock) {
            return byThread.get(thread);
        }
    }

    boolean anyNotBegun() {
        return notBegun > 0;
    }

    /** The started thread reached its run(): it waits for its first turn. */
    Resume begin(Actor actor) {
        synchronized (lock) {
            if (actor.begun) {
                return Resume.GO;
            }
            actor.begun = true;
            notBegun--;
        }
        return awaitTurn(actor);
    }

    List<Actor> actors() {
        synchronized (lock) {
            return List.copyOf(actors);
        }
    }

    // ---- starting and ending ----------------------------------------------------------------------

    /** Hands the baton to the first actor (the strategy's choice) and lets the run go. */
    void start() {
        synchronized (lock) {
            Actor first = chooseNext(null);
            if (first != null) {
                handTo(first);
            }
        }
    }

    /**
     * The actor's task ended (its thread ends, or its scenario body returned). When it held the
     * baton, the next actor gets it; once no root actor is left and nobody can run, the run is over.
     */
    void finish(Actor actor) {
        synchronized (lock) {
            if (actor.done) {
                return;
            }
            actor.done = true;
            actor.wait = null;
            // The JVM wakes every thread waiting on the monitor of a thread that ends: Thread.join
            // waits so, and so may a join written by hand (wait on the thread while it is alive).
            for (Actor waiter : monitors.waiting(actor.thread)) {
                ((Wait.MonitorWait) waiter.wait).notified = true;
            }
            if (!over) {
                // After a failure the trace shows how it came about, not how the threads unwound.
                trace.event(actor.index, Trace.Event.ENDS, -1);
            }
            if (actor.root) {
                roots--;
            }
            if (!over && current == actor) {
                Actor next = chooseNext(actor);
                if (next != null) {
                    handTo(next);
                }
            }
        }
    }

    /** Marks the actor as one whose end the run waits for (scenario threads, the test). */
    void root(Actor actor) {
        synchronized (lock) {
            actor.root = true;
            roots++;
        }
    }

    /** Waits (really) until the run is over; the watch stops runs that escape control. */
    void awaitEnd() {
        synchronized (ended) {
            while (!over) {
                try {
                    ended.wait();
                } catch (InterruptedException e) {
                    fail(Failure.interrupted());
                }
            }
        }
    }

    /**
     * Waits (really, at most {@code patience} each) until the threads the run started and that ended
     * under the scheduler have also ended for the JVM: a check that looks afterwards sees them dead
     * ({@code isAlive()} false), as a real join would have left them.
     */
    void awaitStartedThreadsGone(Duration patience) throws InterruptedException {
        List<Actor> ended;
        synchronized (lock) {
            ended = actors.stream().filter(actor -> !actor.root && actor.done).toList();
        }
        for (Actor actor : ended) {
            actor.thread.join(Math.max(1, patience.toMillis()));
        }
    }

    /** The adopted actor that runs now (the test's own thread) holds the baton. */
    void startWith(Actor actor) {
        synchronized (lock) {
            turns++;
            current = actor;
        }
    }

    /** Ends the run without a failure: the actors left go on without control. */
    void detach() {
        synchronized (lock) {
            endLocked();
        }
    }

    /** Ends the run because the test failed: the actors left unwind instead of going on. */
    void abandon() {
        synchronized (lock) {
            abandoned = true;
            endLocked();
        }
    }

    Failure failure() {
        return failure;
    }

    long steps() {
        return steps;
    }

    long turns() {
        return turns;
    }

    /**
     * What the scheduler controlled in this run: the student's scheduling points and the waits it
     * modelled. When a whole exploration controlled nothing, it cannot have explored anything.
     */
    long controlled() {
        synchronized (lock) {
            return studentPoints() + blocks;
        }
    }

    /** Scheduling points that student code reached. */
    long studentPoints() {
        long points = 0;
        for (Actor actor : actors()) {
            points += actor.points;
        }
        return points;
    }

    void fail(Failure found) {
        synchronized (lock) {
            failLocked(found);
        }
    }

    private void failLocked(Failure found) {
        if (failure == null && !over) {
            failure = found;
        }
        endLocked();
    }

    private void endLocked() {
        if (over) {
            return;
        }
        over = true;
        current = null;
        for (Actor actor : actors) {
            wake(actor);
        }
        synchronized (ended) {
            ended.notifyAll();
        }
    }

    // ---- happens-before, for the race detector ------------------------------------------------------

    /** The running actor accesses a field (of {@code object}, or a static one when null) at a site. */
    void accessed(Actor actor, Object object, int site) {
        if (!detectors.isEmpty()) {
            synchronized (lock) {
                for (Races races : detectors) {
                    report(races.accessed(actor.index, object, site));
                }
            }
        }
    }

    /** The running actor calls into the JDK (a lock, an atomic, a queue, a thread start). */
    void synchronizes(Actor actor, int site) {
        if (!detectors.isEmpty()) {
            synchronized (lock) {
                for (Races races : detectors) {
                    races.synchronizes(actor.index, site);
                }
            }
        }
    }

    /** The running actor calls a method of a java.util object (a collection, say) at a site. */
    void called(Actor actor, Object receiver, int site) {
        if (!detectors.isEmpty()) {
            synchronized (lock) {
                for (Races races : detectors) {
                    report(races.called(actor.index, receiver, site));
                }
            }
        }
    }

    /** Under the lock: a race the detector found ends the run. */
    private void report(Races.Race race) {
        if (race != null) {
            failLocked(race.collection() ? Failure.collectionRace(race.target(), race.first(), race.second())
                    : Failure.race(race.target(), race.first(), race.second()));
        }
    }

    /** Under the lock: the actor took (true) or gave up (false) a monitor. */
    void monitorChanged(Actor actor, Object monitor, boolean acquired) {
        for (Races races : detectors) {
            if (acquired) {
                races.acquired(actor.index, monitor);
            } else {
                races.released(actor.index, monitor);
            }
        }
    }

    /** Under the lock: the joiner saw the other actor end. */
    void joined(Actor joiner, Actor ended) {
        for (Races races : detectors) {
            races.joined(joiner.index, ended.index);
        }
    }

    // ---- scheduling points -------------------------------------------------------------------------

    /**
     * The running actor reached a scheduling point: the strategy may let another actor run.
     * {@code site} is the student's site, or negative for a point inside the JDK.
     */
    Resume point(Actor actor, int site, boolean yielding) {
        if (current != actor) {
            return over ? resumeAfterEnd() : awaitTurn(actor);
        }
        long step = ++steps;
        if (site >= 0) {
            actor.points++;
            trace.step(actor.index, site);
        }
        if (step > settings.maxSteps()) {
            fail(Failure.livelock(actor.name, settings.maxSteps(), WaitsFor.describeAll(this)));
            return Resume.ABANDONED;
        }
        if (settlingSince >= 0 && step - settlingSince > settings.settleSteps()) {
            Actor settler = spinTolerantSettler();
            if (settler == null) {
                fail(Failure.neverSettled(settings.settleSteps(), WaitsFor.describeRunning(this)));
                return Resume.ABANDONED;
            }
            // The test accepts threads that busy-wait as settled: it goes on, they stay ready.
            synchronized (lock) {
                settlingSince = -1;
                settler.wait = null;
                handTo(settler);
            }
            return awaitTurn(actor);
        }
        if (!actor.pausable()) {
            return Resume.GO;
        }
        boolean waiting = yielding || ++actor.turnPoints > settings.spinLimit();
        Actor next;
        synchronized (lock) {
            List<Actor> ready = readyExcept(actor);
            if (waiting) {
                actor.spins++;
                if (settlingSince < 0 && spinningOnly(ready)) {
                    // Every thread that can run is busy-waiting: for them, time passes as it would for
                    // a thread that really waits, a little with each round, so that a time-out they poll
                    // for (or one another thread waits for) comes.
                    long before = clock.elapsed();
                    clock.advanceTo(Math.min(clock.after(SPIN_QUANTUM_NANOS), earliestDeadline()));
                    trace.time(clock.elapsed() - before);
                    ready = readyExcept(actor);
                }
            }
            if (ready.isEmpty()) {
                return Resume.GO;
            }
            if (waiting) {
                if (settings.forbidWaitingReason() != null && yielding) {
                    failLocked(Failure.waited(actor.name, "kept looping without making progress",
                            WaitsFor.where(this, actor, site), settings.forbidWaitingReason()));
                    return Resume.ABANDONED;
                }
                next = roundRobinAfter(actor, ready);
            } else if (!settings.onlyAtSynchronization() || site < 0 || Sites.isSynchronization(site)) {
                next = strategy.atPoint(actor, ready);
            } else {
                next = actor;
            }
            if (next == actor) {
                return Resume.GO;
            }
            handTo(next);
        }
        return awaitTurn(actor);
    }

    /**
     * The running actor waits for {@code wait}. Returns once its wait is over and it holds the
     * baton again (GO), or when the run ended. The caller finds out why the wait ended.
     */
    Resume block(Actor actor, Wait wait) {
        synchronized (lock) {
            if (over) {
                return resumeAfterEnd();
            }
            actor.wait = wait;
            actor.spins = 0;
            if (wait instanceof Wait.Quiet) {
                if (settlingSince < 0) {
                    settlingSince = steps;
                }
            } else if (settings.forbidWaitingReason() != null) {
                failLocked(Failure.waited(actor.name, "had to wait", WaitsFor.describe(this, actor),
                        settings.forbidWaitingReason()));
                return Resume.ABANDONED;
            }
            trace.event(actor.index, Trace.Event.BLOCKS, -1);
            blocks++;
            Actor next = chooseNext(actor);
            if (next == null) {
                return resumeAfterEnd();
            }
            handTo(next);
        }
        return awaitTurn(actor);
    }

    /** The actor waiting for quiet that counts busy waits as settled, or null. */
    private Actor spinTolerantSettler() {
        synchronized (lock) {
            for (Actor candidate : actors) {
                if (candidate.wait instanceof Wait.Quiet quiet && quiet.spinningCounts()) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** Under the lock: the resumed actor no longer waits. */
    void resumed(Actor actor) {
        if (actor.wait instanceof Wait.Quiet && noOtherQuietWaiter(actor)) {
            settlingSince = -1;
        }
        actor.wait = null;
        actor.interruptPending = false;
    }

    private boolean noOtherQuietWaiter(Actor except) {
        for (Actor other : actors) {
            if (other != except && other.wait instanceof Wait.Quiet) {
                return false;
            }
        }
        return true;
    }

    // ---- choosing -----------------------------------------------------------------------------------

    /**
     * Under the lock, when {@code stopped} (the running actor, or null at the start) cannot go on:
     * who runs next. The candidates come in round-robin order after it, so the strategy's default is
     * fair. Lets time pass when every actor waits and one has a deadline. Returns null when the run
     * is over (finished or failed).
     */
    private Actor chooseNext(Actor stopped) {
        while (true) {
            List<Actor> ready = readyExcept(null);
            if (ready.isEmpty()) {
                ready = settled();
            }
            if (!ready.isEmpty()) {
                return ready.size() == 1 ? ready.get(0) : strategy.choose(roundRobinFrom(stopped, ready));
            }
            if (roots == 0) {
                endLocked();
                return null;
            }
            long deadline = earliestDeadline();
            if (deadline == Wait.NEVER) {
                failLocked(WaitsFor.noneCanRun(this));
                return null;
            }
            long before = clock.elapsed();
            clock.advanceTo(deadline);
            trace.time(clock.elapsed() - before);
        }
    }

    /** Under the lock: true when every one of these actors has been busy-waiting since it last blocked. */
    private static boolean spinningOnly(List<Actor> ready) {
        for (Actor actor : ready) {
            if (actor.spins == 0) {
                return false;
            }
        }
        return true;
    }

    /** Under the lock: the actors (other than {@code except}) that may run now, in a fixed order. */
    private List<Actor> readyExcept(Actor except) {
        List<Actor> ready = new ArrayList<>(actors.size());
        for (Actor actor : actors) {
            if (actor != except && !actor.done && !(actor.wait instanceof Wait.Quiet) && canResume(actor)) {
                ready.add(actor);
            }
        }
        return ready;
    }

    /** Under the lock, when no other actor can run: those waiting for quiet may go on. */
    private List<Actor> settled() {
        List<Actor> ready = new ArrayList<>(1);
        for (Actor actor : actors) {
            if (!actor.done && actor.wait instanceof Wait.Quiet) {
                ready.add(actor);
            }
        }
        return ready;
    }

    /** Under the lock: may this actor go on? Only from the model. */
    boolean canResume(Actor actor) {
        Wait wait = actor.wait;
        if (wait == null) {
            return true;
        }
        boolean interrupted = wait.interruptible() && actor.interruptPending;
        boolean timedOut = clock.passed(wait.deadline());
        if (wait instanceof Wait.Park) {
            return actor.permit || interrupted || timedOut;
        }
        if (wait instanceof Wait.MonitorEntry entry) {
            return monitors.owner(entry.monitor()) == null;
        }
        if (wait instanceof Wait.MonitorWait monitorWait) {
            return (monitorWait.notified || interrupted || timedOut) && monitors.owner(monitorWait.monitor) == null;
        }
        if (wait instanceof Wait.Join join) {
            return join.target().done || interrupted || timedOut;
        }
        if (wait instanceof Wait.Sleep) {
            return interrupted || timedOut;
        }
        return false;
    }

    private long earliestDeadline() {
        long earliest = Wait.NEVER;
        for (Actor actor : actors) {
            Wait wait = actor.wait;
            if (!actor.done && wait != null && wait.deadline() < earliest) {
                earliest = wait.deadline();
            }
        }
        return earliest;
    }

    /** The ready actors in round-robin order: those after {@code stopped} first, then the others. */
    private static List<Actor> roundRobinFrom(Actor stopped, List<Actor> ready) {
        if (stopped == null) {
            return ready;
        }
        List<Actor> ordered = new ArrayList<>(ready.size());
        for (Actor actor : ready) {
            if (actor.index > stopped.index) {
                ordered.add(actor);
            }
        }
        for (Actor actor : ready) {
            if (actor.index <= stopped.index) {
                ordered.add(actor);
            }
        }
        return ordered;
    }

    private static Actor roundRobinAfter(Actor actor, List<Actor> ready) {
        for (Actor candidate : ready) {
            if (candidate.index > actor.index) {
                return candidate;
            }
        }
        return ready.get(0);
    }

    /** A wake-up without a notify or unpark, as the JVM may give; false when the thread was not waiting. */
    boolean wakeSpuriously(Thread thread) {
        synchronized (lock) {
            Actor target = byThread.get(thread);
            Wait wait = target == null ? null : target.wait;
            if (wait instanceof Wait.MonitorWait monitorWait) {
                monitorWait.notified = true;
                return true;
            }
            if (wait instanceof Wait.Park) {
                target.permit = true;
                return true;
            }
            return false;
        }
    }

    /**
     * Under the lock, before a notify: an interrupted waiter leaves the wait set by itself, without the
     * monitor, when its thread next runs; a notify that comes first makes its wait() return normally
     * (the interrupt stays pending), one that comes later goes to another waiter, and the interrupted
     * one throws. Which came first is the JVM's choice: the schedule explores both. Returns the
     * waiters still there.
     */
    List<Actor> interruptedLeave(List<Actor> waiters) {
        List<Actor> staying = new ArrayList<>(waiters.size());
        for (Actor waiter : waiters) {
            if (waiter.interruptPending && strategy.either()) {
                ((Wait.MonitorWait) waiter.wait).left = true;
                trace.event(waiter.index, Trace.Event.LEAVES_WAIT_SET, -1);
            } else {
                staying.add(waiter);
            }
        }
        return staying;
    }

    /** Under the lock: a nondeterministic choice the JVM would make (whom notify() wakes). */
    Actor wake(List<Actor> waiters) {
        return waiters.size() == 1 ? waiters.get(0) : strategy.wake(waiters);
    }

    // ---- the baton ----------------------------------------------------------------------------------

    /** Under the lock: {@code next} holds the baton now. */
    private void handTo(Actor next) {
        turns++;
        current = next;
        next.turnPoints = 0;
        wake(next);
    }

    private void wake(Actor actor) {
        Object realWait = actor.inRealWaitOn;
        if (realWait != null) {
            Notifier.notifyAll(realWait);
        }
        synchronized (actor.signal) {
            actor.signal.notifyAll();
        }
    }

    /**
     * Waits until the actor holds the baton (or the run ended). An actor back from
     * {@code monitor.wait()} waits inside the real {@code wait()} of that monitor, which releases the
     * monitor in the JVM as the model released it; the others wait on their own signal. A real
     * interrupt that arrives meanwhile is kept and restored before the actor goes on.
     */
    Resume awaitTurn(Actor actor) {
        Object realWait = actor.inRealWaitOn;
        if (realWait != null) {
            while (current != actor && !over) {
                try {
                    realWait.wait();
                } catch (InterruptedException e) {
                    actor.interruptSwallowed = true;
                }
            }
            actor.inRealWaitOn = null;
        } else {
            synchronized (actor.signal) {
                while (current != actor && !over) {
                    try {
                        actor.signal.wait();
                    } catch (InterruptedException e) {
                        actor.interruptSwallowed = true;
                    }
                }
            }
        }
        if (actor.interruptSwallowed) {
            actor.interruptSwallowed = false;
            actor.reentry++;
            try {
                actor.thread.interrupt();
            } finally {
                actor.reentry--;
            }
        }
        if (current == actor && !over) {
            actor.turnPoints = 0;
            return Resume.GO;
        }
        return resumeAfterEnd();
    }

    private Resume resumeAfterEnd() {
        return failure == null && !abandoned ? Resume.DETACHED : Resume.ABANDONED;
    }
}
