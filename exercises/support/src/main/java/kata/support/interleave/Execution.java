package kata.support.interleave;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import kata.support.agent.Sites;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/**
 * One run of a scenario under one schedule. Exactly one worker holds the baton and runs; at each
 * scheduling point the {@link Strategy} decides whether it goes on or hands the baton over. When
 * the baton holder blocks inside the JVM (a monitor, a lock, a wait), the controlling thread
 * notices and passes the baton on, and when every worker is blocked it checks for a deadlock.
 */
final class Execution {

    /** Limits and modes of one execution. */
    record Settings(long maxSteps, int spinLimit, Duration timeout, Duration stuckAfter,
                    String forbidWaitingReason, boolean onlyAtSynchronization) {
    }

    /** What kind of scheduling point a thread reached. */
    enum Point { PLAIN, YIELD, RELEASE }

    private static final int NOBODY = -1;
    private static final int NOT_STARTED = -2;
    private static final long POLL_NANOS = 30_000;
    /** How long a wait that no other worker causes must last before it counts as blocked. */
    private static final long OWNERLESS_CONFIRM_NANOS = 1_000_000;
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
    private final Object lock = new Object();
    private final Thread controller = Thread.currentThread();

    private volatile int current = NOT_STARTED;
    private volatile boolean abandoned;
    private volatile Failure failure;
    private volatile long steps;

    Execution(List<String> threadNames, Strategy strategy, Settings settings, LockNames names) {
        this.workers = new Worker[threadNames.size()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i, threadNames.get(i));
        }
        this.strategy = strategy;
        this.settings = settings;
        this.names = names;
    }

    /** A worker's task. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs the tasks, one per worker, to the end or to the first failure. */
    Outcome run(List<Body> tasks) {
        for (Worker worker : workers) {
            Body task = tasks.get(worker.index);
            Thread thread = new Thread(() -> body(worker, task), worker.name);
            thread.setDaemon(true);
            worker.thread = thread;
        }
        Hooks.active = this;
        try {
            for (Worker worker : workers) {
                worker.thread.start();
            }
            synchronized (lock) {
                Worker first = strategy.choose(List.of(workers));
                current = first.index;
                LockSupport.unpark(first.thread);
            }
            control();
        } finally {
            Hooks.active = null;
        }
        if (failure == null) {
            joinWorkers();
        }
        Throwable thrown = Arrays.stream(workers).map(w -> w.failure).filter(t -> t != null).findFirst()
                .orElse(null);
        Failure result = failure;
        if (thrown != null && (result == null || result.kind() != Failure.Kind.DEADLOCK)) {
            Worker culprit = Arrays.stream(workers).filter(w -> w.failure == thrown).findFirst().orElseThrow();
            result = Failure.threw(culprit.name, thrown);
        }
        long points = Arrays.stream(workers).mapToLong(w -> w.points).sum();
        return new Outcome(result, trace.render(List.of(workers), names), points, trace.steps());
    }

    // ---- worker side -------------------------------------------------------------------------

    private void body(Worker worker, Body task) {
        worker.inScheduler = true;
        awaitBaton(worker);
        worker.inScheduler = false;
        try {
            if (!abandoned) {
                task.run();
            }
        } catch (Throwable thrown) {
            worker.failure = thrown;
        } finally {
            finish(worker);
        }
    }

    void onPoint(int site, Object monitor, Point kind) {
        Worker worker = workerOf(Thread.currentThread());
        if (worker == null) {
            return;
        }
        if (abandoned) {
            parkForever();
        }
        worker.inScheduler = true;
        try {
            if (current != worker.index) {
                awaitBaton(worker);
                if (abandoned) {
                    parkForever();
                }
            }
            if (kind == Point.RELEASE) {
                settle(worker);
            }
            worker.points++;
            long step = ++steps;
            if (step > settings.maxSteps()) {
                fail(Failure.livelock(worker.name, settings.maxSteps(),
                        Deadlocks.describe(liveThreads(), names)));
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
                                Deadlocks.describe(List.of(worker.thread), names),
                                settings.forbidWaitingReason()));
                        return;
                    }
                    worker.state = Worker.State.READY;
                    current = next.index;
                }
            }
            if (next != worker) {
                LockSupport.unpark(next.thread);
                awaitBaton(worker);
                if (abandoned) {
                    parkForever();
                }
            }
            trace.record(worker.index, site, monitor);
        } finally {
            worker.inScheduler = false;
        }
    }

    /**
     * After this worker released something, waits until every blocked worker has either come back
     * to a scheduling point or is known to stay blocked (it waits for a lock that someone owns),
     * so that which workers are ready next never depends on how fast the OS wakes threads.
     */
    private void settle(Worker self) {
        long deadline = System.nanoTime() + SETTLE_MAX_NANOS;
        for (Worker worker : workers) {
            if (worker == self || worker.state != Worker.State.BLOCKED) {
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
        String lock = info.getLockInfo().getClassName();
        return lock.startsWith("java.util.concurrent.locks.ReentrantLock$")
                || lock.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$");
    }

    /**
     * A worker of a failed execution stops here for good: left running, a looping worker would
     * burn a CPU and slow every check after this one. It is a daemon thread; the JVM ends anyway.
     */
    private static void parkForever() {
        while (true) {
            LockSupport.park();
        }
    }

    /** Parks until this worker holds the baton; the caller has set {@code inScheduler}. */
    private void awaitBaton(Worker worker) {
        synchronized (lock) {
            if (worker.state != Worker.State.DONE) {
                worker.state = Worker.State.READY;
            }
        }
        while (true) {
            int holder = current;
            if (holder == worker.index || abandoned) {
                break;
            }
            if (holder == NOBODY) {
                synchronized (lock) {
                    if (current == NOBODY) {
                        current = worker.index;
                        break;
                    }
                }
                continue;
            }
            LockSupport.park(this);
        }
        synchronized (lock) {
            worker.state = Worker.State.RUNNING;
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

    // ---- controller side ---------------------------------------------------------------------

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
                    // Certain at once when it waits for a lock another worker holds; otherwise the
                    // wait must last, so a brief wait inside the JDK (class loading) is not a block.
                    if (waitsForAnotherWorker(worker)) {
                        // The owner is parked in the scheduler: the lock cannot come free.
                        onHolderBlocked(worker, seen);
                    } else if (suspect != worker || suspectPoints != seen) {
                        suspect = worker;
                        suspectPoints = seen;
                        suspectSince = System.nanoTime();
                    } else if (System.nanoTime() - suspectSince > OWNERLESS_CONFIRM_NANOS) {
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
                    Optional<String> cycle = Deadlocks.find(liveThreads(), names);
                    if (cycle.isPresent()) {
                        fail(Failure.deadlock(cycle.get()));
                        break;
                    }
                }
                if (now - allBlockedSince > settings.stuckAfter().toNanos() && !anyTimedWaiting()) {
                    fail(Failure.stuck(Deadlocks.describe(liveThreads(), names)));
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
        for (Worker other : workers) {
            if (other != worker && other.thread.getId() == owner) {
                return true;
            }
        }
        return false;
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

    // ---- shared helpers ----------------------------------------------------------------------

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
            if (worker.state != Worker.State.DONE
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

    private void joinWorkers() {
        for (Worker worker : workers) {
            try {
                worker.thread.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The result of one execution: its failure (or null), the rendered trace, points passed, steps traced. */
    record Outcome(Failure failure, String trace, long points, long steps) {
    }
}
