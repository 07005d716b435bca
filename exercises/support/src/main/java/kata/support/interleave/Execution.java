package kata.support.interleave;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import kata.support.agent.Sites;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/**
 * One run of a scenario under one schedule. Exactly one worker holds the baton and runs; at each
 * scheduling point the {@link Strategy} decides whether it goes on or hands the baton over.
 *
 * <p>Monitors ({@code synchronized}) are modelled: a worker that wants a monitor another worker
 * holds waits in the scheduler, and the schedule decides who enters once it is free. Other waits
 * (locks, conditions, semaphores, {@code wait()}) happen in the JVM: the controlling thread notices
 * that the baton holder blocked and passes the baton on, and after a release the releasing worker
 * waits until every thread it may have woken is back in the scheduler or provably still blocked.
 * That keeps each schedule's sequence of decisions the same on every run. When no worker can run,
 * the waits-for graph (modelled and JVM-level) is checked for a deadlock cycle.
 */
final class Execution {

    /** Limits and modes of one execution. */
    record Settings(long maxSteps, int spinLimit, Duration timeout, Duration stuckAfter,
                    String forbidWaitingReason, boolean onlyAtSynchronization) {
    }

    /** What kind of scheduling point a thread reached. */
    enum Point {
        /** Before a shared access or a call that cannot block. */
        PLAIN,
        /** The thread yields or spins: it waits for another one. */
        YIELD,
        /** After something that may have woken another thread: unlock, signal, release, wait. */
        RELEASE,
        /** Before a call that may block: lock, await, acquire, take, join, sleep. */
        BLOCKING_CALL
    }

    /** A worker's task. */
    interface Body {
        void run() throws Exception;
    }

    /** The result of one execution: its failure (or null), its trace (rendered on demand), points, steps. */
    record Outcome(Failure failure, java.util.function.Supplier<String> trace, long points, long steps) {
    }

    private static final int NOBODY = -1;
    private static final int NOT_STARTED = -2;
    private static final long POLL_NANOS = 30_000;
    /** How long a wait that no other worker causes must last before it counts as blocked. */
    private static final long UNEXPECTED_WAIT_NANOS = 1_000_000;
    private static final long DEADLOCK_CHECK_NANOS = 2_000_000;
    /** How long a release waits at most for the threads it may have woken to settle (a safety net). */
    private static final long SETTLE_MAX_NANOS = 100_000_000;
    /** How long a thread waiting without an owner (condition, semaphore) gets to wake up. */
    private static final long SETTLE_OWNERLESS_NANOS = 200_000;
    private static final long SETTLE_POLL_NANOS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Worker[] workers;
    private final Strategy strategy;
    private final Settings settings;
    private final LockNames names;
    private final Trace trace = new Trace();
    private final Monitors monitors = new Monitors();
    private final Object lock = new Object();
    private final Thread controller = Thread.currentThread();

    private volatile int current = NOT_STARTED;
    private volatile boolean abandoned;
    private volatile Failure failure;
    private volatile long steps;

    private final WorkerThreads threads;

    Execution(List<String> threadNames, Strategy strategy, Settings settings, LockNames names,
              WorkerThreads threads) {
        this.threads = threads;
        this.workers = new Worker[threadNames.size()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i, threadNames.get(i));
        }
        this.strategy = strategy;
        this.settings = settings;
        this.names = names;
    }

    /** Runs the tasks, one per worker, to the end or to the first failure. */
    Outcome run(List<Body> tasks) {
        for (Worker worker : workers) {
            worker.thread = threads.take(worker.name);
        }
        Hooks.active = this;
        try {
            for (Worker worker : workers) {
                Body task = tasks.get(worker.index);
                threads.run(worker.thread, () -> body(worker, task));
            }
            Worker first;
            synchronized (lock) {
                first = strategy.choose(List.of(workers));
                current = first.index;
            }
            LockSupport.unpark(first.thread);
            control();
        } finally {
            Hooks.active = null;
        }
        if (failure == null) {
            threads.recycle(settings.timeout().toMillis());
        } else {
            threads.abandon();
        }
        Throwable thrown = Arrays.stream(workers).map(w -> w.failure).filter(t -> t != null).findFirst()
                .orElse(null);
        Failure result = failure;
        if (thrown != null && (result == null || result.kind() != Failure.Kind.DEADLOCK)) {
            Worker culprit = Arrays.stream(workers).filter(w -> w.failure == thrown).findFirst().orElseThrow();
            result = Failure.threw(culprit.name, thrown);
        }
        long points = Arrays.stream(workers).mapToLong(w -> w.points).sum();
        List<Worker> all = List.of(workers);
        return new Outcome(result, () -> trace.render(all, names), points, trace.steps());
    }

    private void body(Worker worker, Body task) {
        worker.inScheduler = true;
        becomeReadyAndWait(worker);
        worker.inScheduler = false;
        try {
            if (!abandoned) {
                task.run();
            }
        } catch (Throwable thrown) {
            // After a failure was found, what the abandoned workers throw is not the cause.
            if (!abandoned) {
                worker.failure = thrown;
            }
        } finally {
            finish(worker);
        }
    }

    // ---- hooks, called on worker threads -------------------------------------------------------

    void onPoint(int site, Object monitor, Point kind) {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null || abandoned) {
            return;
        }
        worker.inScheduler = true;
        try {
            arrive(worker, site, monitor, kind);
        } finally {
            worker.inScheduler = false;
        }
    }

    /** Before {@code monitorenter}: wait in the scheduler while another worker holds the monitor. */
    void onMonitorEnter(Object monitor, int site) {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null || abandoned) {
            return;
        }
        worker.inScheduler = true;
        try {
            arrive(worker, site, monitor, Point.PLAIN);
            while (!abandoned && !mayEnter(worker, monitor, site)) {
                waitForTurn(worker);
            }
        } finally {
            worker.wantsMonitor = null;
            worker.inScheduler = false;
        }
        if (abandoned) {
            boolean heldByAnother;
            synchronized (lock) {
                Worker owner = monitors.owner(monitor);
                heldByAnother = owner != null && owner != worker;
            }
            if (heldByAnother) {
                throw ScheduleAbandoned.INSTANCE;
            }
        }
    }

    /** After {@code monitorenter}. */
    void onMonitorEntered(Object monitor, int site) {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null || abandoned) {
            return;
        }
        synchronized (lock) {
            monitors.entered(worker, monitor, site);
        }
        onPoint(site, null, Point.PLAIN);
    }

    /** After {@code monitorexit}: a freed monitor makes the workers that wait for it ready. */
    void onMonitorExited(Object monitor, int site) {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null || abandoned) {
            return;
        }
        synchronized (lock) {
            if (monitors.exited(worker, monitor)) {
                wakeWaitersOf(monitor);
            }
        }
        onPoint(site, null, Point.RELEASE);
    }

    /** Replaces {@code monitor.wait(...)}: the monitor is free in the model while the thread waits. */
    void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null || abandoned) {
            monitor.wait(millis, nanos);
            return;
        }
        onPoint(site, null, Point.BLOCKING_CALL);
        int count;
        synchronized (lock) {
            count = monitors.releaseForWait(worker, monitor);
            wakeWaitersOf(monitor);
        }
        try {
            monitor.wait(millis, nanos);
        } finally {
            synchronized (lock) {
                monitors.restoreAfterWait(worker, monitor, count, site);
            }
            onPoint(site, null, Point.RELEASE);
        }
    }

    /**
     * The common part of every scheduling point: get the baton back if it was lost while blocked,
     * let woken threads settle after a release, then let the strategy choose who goes on.
     */
    private void arrive(Worker worker, int site, Object monitor, Point kind) {
        if (current != worker.index) {
            becomeReadyAndWait(worker);
            if (abandoned) {
                return;
            }
        }
        worker.mayBlock = false;
        if (kind == Point.RELEASE) {
            settle(worker);
        }
        worker.points++;
        long step = ++steps;
        if (step > settings.maxSteps()) {
            fail(Failure.livelock(worker.name, settings.maxSteps(), Deadlocks.describe(liveThreads(), names)));
            return;
        }
        // A thread that yields, or runs this long in one turn, is waiting for another one:
        // hand over in a fixed round-robin order. That is no preemption and no choice to explore.
        boolean waiting = kind == Point.YIELD || ++worker.pointsThisTurn > settings.spinLimit();
        Worker next;
        synchronized (lock) {
            List<Worker> ready = ready(worker);
            boolean choice = !settings.onlyAtSynchronization() || Sites.isSynchronization(site);
            next = ready.isEmpty() ? worker
                    : waiting ? roundRobinAfter(worker, ready)
                    : choice ? strategy.atPoint(worker, ready) : worker;
            if (next != worker) {
                if (waiting && settings.forbidWaitingReason() != null) {
                    failLocked(Failure.waited(worker.name, "kept looping without making progress",
                            Deadlocks.describe(List.of(worker.thread), names), settings.forbidWaitingReason()));
                    return;
                }
                worker.state = Worker.State.READY;
                current = next.index;
            }
        }
        if (next != worker) {
            LockSupport.unpark(next.thread);
            becomeReadyAndWait(worker);
            if (abandoned) {
                return;
            }
        }
        trace.record(worker.index, site, monitor);
        worker.mayBlock = kind == Point.BLOCKING_CALL;
    }

    /** True when the worker may go on to enter the monitor; else it now waits for it in the model. */
    private boolean mayEnter(Worker worker, Object monitor, int site) {
        Worker next;
        synchronized (lock) {
            Worker owner = monitors.owner(monitor);
            if (owner == null || owner == worker) {
                return true;
            }
            if (settings.forbidWaitingReason() != null) {
                failLocked(Failure.waited(worker.name, "had to wait", "  \"" + worker.name + "\" waits at "
                        + Sites.get(site).location() + " for " + names.name(monitor) + ", held by \""
                        + owner.name + "\"", settings.forbidWaitingReason()));
                return true;
            }
            worker.state = Worker.State.BLOCKED;
            worker.wantsMonitor = monitor;
            worker.wantsSite = site;
            Optional<String> cycle = modelledCycleFrom(worker);
            if (cycle.isPresent()) {
                failLocked(Failure.deadlock(cycle.get()));
                return true;
            }
            List<Worker> ready = ready(worker);
            next = ready.isEmpty() ? null : strategy.choose(ready);
            current = next == null ? NOBODY : next.index;
        }
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
        LockSupport.unpark(controller);
        return false;
    }

    /** Under the lock: the workers waiting for this monitor in the model may compete for it again. */
    private void wakeWaitersOf(Object monitor) {
        for (Worker waiter : workers) {
            if (waiter.state == Worker.State.BLOCKED && waiter.wantsMonitor == monitor) {
                waiter.wantsMonitor = null;
                waiter.state = Worker.State.READY;
            }
        }
    }

    /**
     * After this worker released something, waits until every worker blocked in the JVM has either
     * come back to a scheduling point or is known to stay blocked (it waits for a lock that someone
     * owns), so that which workers are ready next never depends on how fast the OS wakes threads.
     */
    private void settle(Worker self) {
        long deadline = System.nanoTime() + SETTLE_MAX_NANOS;
        for (Worker worker : workers) {
            if (worker == self || worker.state != Worker.State.BLOCKED || worker.wantsMonitor != null) {
                continue;
            }
            long ownerlessSince = 0;
            // Until it has registered as READY, not merely entered the scheduler: the next decision
            // must see it either way on every run.
            while (System.nanoTime() < deadline && worker.state == Worker.State.BLOCKED) {
                // getState() is cheap; getThreadInfo() is a VM operation, so it is asked only when needed.
                if (!worker.inScheduler && worker.thread.getState() != Thread.State.RUNNABLE) {
                    ThreadInfo info = THREADS.getThreadInfo(worker.thread.getId());
                    if (info == null || info.getThreadState() == Thread.State.TERMINATED) {
                        break;
                    }
                    long owner = info.getLockOwnerId();
                    if (info.getThreadState() != Thread.State.RUNNABLE && owner != -1
                            && owner != worker.thread.getId()) {
                        break;
                    }
                    if (info.getThreadState() != Thread.State.RUNNABLE && !freeExclusiveLock(info)) {
                        // Waiting without an owner (a condition, a semaphore, a latch): it may never
                        // wake, so it gets only a short grace. A RUNNABLE one is on its way: wait.
                        long now = System.nanoTime();
                        if (ownerlessSince == 0) {
                            ownerlessSince = now;
                        } else if (now - ownerlessSince > SETTLE_OWNERLESS_NANOS) {
                            break;
                        }
                    }
                }
                LockSupport.parkNanos(SETTLE_POLL_NANOS);
            }
        }
    }

    /**
     * True when the thread waits for a monitor or an exclusive lock that nobody holds right now:
     * then some waiter is about to take it, and the wait ends soon without anyone else's help.
     */
    private static boolean freeExclusiveLock(ThreadInfo info) {
        if (info.getLockInfo() == null || info.getLockOwnerId() != -1) {
            return false;
        }
        if (info.getThreadState() == Thread.State.BLOCKED) {
            return true;
        }
        String lockClass = info.getLockInfo().getClassName();
        return lockClass.startsWith("java.util.concurrent.locks.ReentrantLock$")
                || lockClass.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$");
    }

    /** Registers as READY (it reached a point) and parks until this worker holds the baton. */
    private void becomeReadyAndWait(Worker worker) {
        synchronized (lock) {
            if (worker.state != Worker.State.DONE) {
                worker.state = Worker.State.READY;
            }
        }
        waitForTurn(worker);
    }

    /**
     * Parks until this worker holds the baton. A READY worker takes it when nobody holds it; a
     * worker waiting for a monitor in the model only gets it once a release made it READY and the
     * strategy chose it. The caller has set {@code inScheduler}.
     */
    private void waitForTurn(Worker worker) {
        while (true) {
            int holder = current;
            if (holder == worker.index || abandoned) {
                break;
            }
            if (holder == NOBODY && worker.state == Worker.State.READY) {
                synchronized (lock) {
                    if (current == NOBODY && worker.state == Worker.State.READY) {
                        current = worker.index;
                        break;
                    }
                }
                continue;
            }
            LockSupport.park(this);
        }
        synchronized (lock) {
            if (!abandoned) {
                worker.state = Worker.State.RUNNING;
            }
        }
        worker.pointsThisTurn = 0;
    }

    private void finish(Worker worker) {
        worker.inScheduler = true;
        Worker next = null;
        synchronized (lock) {
            worker.state = Worker.State.DONE;
            if (current == worker.index && !abandoned) {
                List<Worker> ready = ready(worker);
                next = ready.isEmpty() ? null : strategy.choose(ready);
                current = next == null ? NOBODY : next.index;
            }
        }
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
        LockSupport.unpark(controller);
    }

    // ---- controller side -------------------------------------------------------------------------

    private void control() {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long allBlockedSince = 0;
        long lastDeadlockCheck = 0;
        Worker suspect = null;
        long suspectPoints = -1;
        long suspectSince = 0;
        while (!allDone() && failure == null) {
            int holder = current;
            if (holder >= 0) {
                allBlockedSince = 0;
                Worker worker = workers[holder];
                long seen = worker.points;
                if (looksBlocked(worker)) {
                    // Certain at once when the worker called something that may block, or waits for
                    // a lock another worker holds; otherwise the wait must last, so that a brief wait
                    // inside the JDK (class loading) is not taken for a block.
                    if (worker.mayBlock || waitsForAnotherWorker(worker)) {
                        onHolderBlocked(worker, seen);
                    } else if (suspect != worker || suspectPoints != seen) {
                        suspect = worker;
                        suspectPoints = seen;
                        suspectSince = System.nanoTime();
                    } else if (System.nanoTime() - suspectSince > UNEXPECTED_WAIT_NANOS) {
                        onHolderBlocked(worker, seen);
                    }
                }
            } else if (holder == NOBODY && noWorkerRunnable()) {
                long now = System.nanoTime();
                if (allBlockedSince == 0) {
                    allBlockedSince = now;
                }
                if (now - lastDeadlockCheck > DEADLOCK_CHECK_NANOS) {
                    lastDeadlockCheck = now;
                    Optional<String> cycle;
                    synchronized (lock) {
                        cycle = anyCycle();
                    }
                    if (cycle.isPresent()) {
                        fail(Failure.deadlock(cycle.get()));
                        break;
                    }
                }
                if (now - allBlockedSince > settings.stuckAfter().toNanos() && !anyTimedWaiting()) {
                    fail(Failure.stuck(describeStuck()));
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                fail(Failure.hang(settings.timeout(), Deadlocks.describe(liveThreads(), names)));
                break;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean waitsForAnotherWorker(Worker worker) {
        ThreadInfo info = THREADS.getThreadInfo(worker.thread.getId());
        long owner = info == null ? -1 : info.getLockOwnerId();
        return workerWithThreadId(owner) != null && workerWithThreadId(owner) != worker;
    }

    private boolean looksBlocked(Worker worker) {
        if (worker.inScheduler || worker.state != Worker.State.RUNNING) {
            return false;
        }
        Thread.State state = worker.thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
    }

    private void onHolderBlocked(Worker worker, long pointsSeen) {
        Worker next;
        synchronized (lock) {
            if (current != worker.index || worker.points != pointsSeen || !looksBlocked(worker)) {
                return;
            }
            if (settings.forbidWaitingReason() != null) {
                failLocked(Failure.waited(worker.name, "had to wait",
                        Deadlocks.describe(List.of(worker.thread), names), settings.forbidWaitingReason()));
                return;
            }
            worker.state = Worker.State.BLOCKED;
            List<Worker> ready = ready(worker);
            next = ready.isEmpty() ? null : strategy.choose(ready);
            current = next == null ? NOBODY : next.index;
        }
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    // ---- deadlocks -------------------------------------------------------------------------------

    /** Under the lock: a cycle of workers waiting in the model for monitors held by each other. */
    private Optional<String> modelledCycleFrom(Worker start) {
        List<Worker> path = new ArrayList<>();
        Worker at = start;
        while (at != null && at.wantsMonitor != null && !path.contains(at)) {
            path.add(at);
            at = monitors.owner(at.wantsMonitor);
        }
        if (at != start) {
            return Optional.empty();
        }
        return Optional.of(describeCycle(path, null));
    }

    /** Under the lock: any cycle, following modelled waits and waits the JVM reports. */
    private Optional<String> anyCycle() {
        ThreadInfo[] infos = new ThreadInfo[workers.length];
        long[] ids = Arrays.stream(workers).mapToLong(w -> w.thread.getId()).toArray();
        ThreadInfo[] found = THREADS.getThreadInfo(ids, THREADS.isObjectMonitorUsageSupported(),
                THREADS.isSynchronizerUsageSupported());
        System.arraycopy(found, 0, infos, 0, workers.length);
        for (Worker start : workers) {
            List<Worker> path = new ArrayList<>();
            Worker at = start;
            while (at != null && at.state != Worker.State.DONE && !path.contains(at)) {
                path.add(at);
                at = waitsFor(at, infos[at.index]);
            }
            if (at != null && path.contains(at)) {
                return Optional.of(describeCycle(path.subList(path.indexOf(at), path.size()), infos));
            }
        }
        return Optional.empty();
    }

    private Worker waitsFor(Worker worker, ThreadInfo info) {
        if (worker.wantsMonitor != null) {
            return monitors.owner(worker.wantsMonitor);
        }
        return info == null ? null : workerWithThreadId(info.getLockOwnerId());
    }

    private String describeCycle(List<Worker> cycle, ThreadInfo[] infos) {
        List<String> lines = new ArrayList<>();
        for (Worker worker : cycle) {
            ThreadInfo info = infos == null ? null : infos[worker.index];
            Set<String> held = new LinkedHashSet<>();
            for (Object monitor : monitors.heldBy(worker)) {
                int site = monitors.lockedAt(monitor);
                held.add(names.name(monitor) + (site < 0 ? "" : " (locked at " + Sites.get(site).location() + ")"));
            }
            if (info != null) {
                Arrays.stream(info.getLockedSynchronizers()).forEach(s -> held.add(names.name(s)));
            }
            String waits;
            if (worker.wantsMonitor != null) {
                Worker owner = monitors.owner(worker.wantsMonitor);
                waits = names.name(worker.wantsMonitor) + " at " + Sites.get(worker.wantsSite).location()
                        + (owner == null ? "" : ", held by \"" + owner.name + "\"");
            } else {
                waits = info == null || info.getLockInfo() == null ? "something it cannot name"
                        : names.name(info.getLockInfo()) + " at " + Deadlocks.where(info.getStackTrace())
                        + (info.getLockOwnerName() == null ? "" : ", held by \"" + info.getLockOwnerName() + "\"");
            }
            lines.add("  \"" + worker.name + "\" holds " + (held.isEmpty() ? "no lock" : String.join(" and ", held))
                    + "\n    and waits for " + waits);
        }
        return String.join("\n", lines);
    }

    private String describeStuck() {
        List<String> lines = new ArrayList<>();
        for (Worker worker : workers) {
            if (worker.state == Worker.State.DONE) {
                continue;
            }
            if (worker.wantsMonitor != null) {
                Worker owner = monitors.owner(worker.wantsMonitor);
                lines.add("  \"" + worker.name + "\" waits at " + Sites.get(worker.wantsSite).location() + " for "
                        + names.name(worker.wantsMonitor) + (owner == null ? "" : ", held by \"" + owner.name + "\""));
            } else {
                lines.add(Deadlocks.describe(List.of(worker.thread), names));
            }
        }
        return String.join("\n", lines);
    }

    // ---- shared helpers --------------------------------------------------------------------------

    private void fail(Failure found) {
        synchronized (lock) {
            failLocked(found);
        }
    }

    private void failLocked(Failure found) {
        if (failure == null) {
            failure = found;
        }
        abandoned = true;
        current = NOBODY;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        LockSupport.unpark(controller);
    }

    private List<Worker> ready(Worker except) {
        List<Worker> ready = new ArrayList<>(workers.length);
        for (Worker worker : workers) {
            if (worker != except && worker.state == Worker.State.READY) {
                ready.add(worker);
            }
        }
        return ready;
    }

    private static Worker roundRobinAfter(Worker worker, List<Worker> ready) {
        for (Worker candidate : ready) {
            if (candidate.index > worker.index) {
                return candidate;
            }
        }
        return ready.get(0);
    }

    private Worker workerOf(Thread thread) {
        for (Worker worker : workers) {
            if (worker.thread == thread) {
                return worker;
            }
        }
        return null;
    }

    private Worker workerWithThreadId(long id) {
        for (Worker worker : workers) {
            if (worker.thread.getId() == id) {
                return worker;
            }
        }
        return null;
    }

    private boolean allDone() {
        for (Worker worker : workers) {
            if (worker.state != Worker.State.DONE) {
                return false;
            }
        }
        return true;
    }

    private boolean noWorkerRunnable() {
        for (Worker worker : workers) {
            if (worker.state != Worker.State.DONE && worker.thread.getState() == Thread.State.RUNNABLE) {
                return false;
            }
        }
        return true;
    }

    private boolean anyTimedWaiting() {
        for (Worker worker : workers) {
            if (worker.state != Worker.State.DONE && worker.wantsMonitor == null
                    && worker.thread.getState() == Thread.State.TIMED_WAITING) {
                return true;
            }
        }
        return false;
    }

    private List<Thread> liveThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            if (worker.state != Worker.State.DONE) {
                threads.add(worker.thread);
            }
        }
        return threads;
    }

}
