package kata.echo;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kata.support.agent.StudentCode;
import kata.support.boot.Dispatcher;

/**
 * Makes "stop() returned before the server's threads ended" show on every run, not only when the
 * threads happen to be slower than stop().
 *
 * <p>Sockets are not under the scheduler, so the server runs on real threads. But the kata agent
 * still calls a {@link Dispatcher} at every scheduling point of the server's code (a shared field,
 * a lock, a call into {@code java.util}) and at every park, wait and sleep in the JVM. While the
 * gate is closed, a thread the server started that reaches one of them stays there, inside the
 * server's code or its pool, until the thread running {@code stop()} waits for it:
 * <ul>
 * <li>{@code join(t)} or {@code t.getState()}: {@code t} goes on, and is never held again;</li>
 * <li>a park (a lock, a condition, {@code awaitTermination}, a latch, a semaphore), {@code wait},
 *     {@code sleep}, a spin hint, or a monitor that a held thread holds: every held thread goes on
 *     (what stop() waits for is not known), and none is held until stop() runs again;</li>
 * <li>stop() spinning (many scheduling points in a row while threads are held): the same.</li>
 * <li>a server thread that wakes stop() ({@code notifyAll} on the monitor stop() waits on, or an unpark
 *     while stop() parks: a condition signalled, a lock or a permit released, a latch counted down) is
 *     held again once it begins another round of the server's code
 *     (back at an earlier line of a method it was in, such as the next client's handler), until
 *     stop() waits again or returns: so a stop() that wakes up, finds its count of running handlers
 *     at zero and returns while that thread goes on to a handler it had not counted, shows. What the
 *     thread does on its way out of the round that woke stop() (a latch counted down last) is not
 *     held (once stop() returned, the check waits for it to end or block before it looks). The other
 *     threads let go for stop()'s wait are held again at their next point in the server's code: a
 *     stop() woken by the first of two handlers that returns without looking again shows too.</li>
 * <li>stop() in a JDK pool's {@code awaitTermination}: only the pool threads go on, since they
 *     are all it can be waiting for; a thread the server started itself (an accepting thread)
 *     stays held, also at its very end ({@code Thread.exit}), until stop() joins it. A pool thread
 *     that then blocks in the pool's own code (workers ending at once share the pool's lock) waits
 *     on the pool too, not on the threads started by hand; nor is one on its way out of the pool
 *     (the pool may already report itself terminated).</li>
 * </ul>
 * So a stop() that waits for its threads returns after they ended, and one that does not wait
 * returns while they are still held in the server's code: the check sees the same on every run.
 * Threads of the test and of the JVM are never held; nor is a thread inside a JDK region that runs
 * the caller's code under a lock of its own (the agent marks those as unpausable).
 *
 * <p>Held threads are also slow threads: the first wait of stop() with a time-out (of up to an hour:
 * {@code awaitTermination}, a timed {@code await}, {@code get}, {@code join} or {@code wait}) while a
 * thread of the server lives times out at once, as it would on a machine too busy to run those
 * threads in time, and the held threads stay held. The stopping thread's clock moves on by that
 * time-out, so the JDK's own deadline arithmetic agrees. A stop() that waits again goes on as
 * above; one that gives up and returns shows, on every run. (Longer time-outs stand for "for ever".)
 */
final class StopGate extends ServerHooks {

    /** Scheduling points the stopping threads may pass while threads are held before the gate assumes a spin. */
    private static final int SPIN_POINTS = 100_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The longest time-out the gate lets run out: longer ones are taken as "for ever". */
    private static final long LONGEST_EXPIRED_NANOS = TimeUnit.HOURS.toNanos(1);

    /** How often a held thread that holds a monitor looks whether a free thread blocks on it. */
    private static final long MONITOR_LOOK_MILLIS = 5;

    private final ThreadLocal<int[]> unpausable = ThreadLocal.withInitial(() -> new int[1]);
    /** The thread running stop(), and the server threads it let go on: never held. */
    private final Set<Thread> free = new HashSet<>();
    /** Free threads blocked right now (from their park, wait or sleep to their next hook): nothing is held meanwhile. */
    private final Set<Thread> waiting = new HashSet<>();
    private final Set<Thread> held = new LinkedHashSet<>();
    /** Free threads blocked in a JDK pool's awaitTermination: only pool threads may go on for them. */
    private final Set<Thread> awaitingPool = new HashSet<>();
    /** Server threads that ran while stop() waited for something unknown: it may wait for them to end. */
    private final Set<Thread> ranWhileStopWaited = new HashSet<>();
    /** Server threads held in Thread.exit: their run() had returned, but they had not ended. */
    private final Set<Thread> heldAtExit = new HashSet<>();
    /** Server threads that a JDK ThreadPoolExecutor started for itself. */
    private final Set<Thread> poolThreads = new HashSet<>();
    /**
     * Server threads held again since stop() woke from its wait(), until it waits again: the one that
     * woke it, with its frames in the server's code then (outermost first), once it begins another
     * round of that code; the others let go for that wait (null), at their next point in it.
     */
    private final Map<Thread, List<StackTraceElement>> wokeStop = new HashMap<>();
    /** Server threads let go while stop() waits on {@link #stopWaitsOn}. */
    private final Set<Thread> letGoForWait = new HashSet<>();
    /** Server threads stop() waits to end (it joined them): never held again. */
    private final Set<Thread> endAwaited = new HashSet<>();
    /** The thread running stop(), or null (volatile for the clock, read without the lock). */
    private volatile Thread stopper;
    /**
     * The monitor stop() waits on right now (from its wait() to its next point), {@link #PARKED} while it
     * parks outside a pool's awaitTermination (a lock, a condition, a latch), or null.
     */
    private Object stopWaitsOn;
    private static final Object PARKED = new Object();
    private volatile boolean closed;
    /** The thread whose hooks are counted while the gate is open, or null. */
    private volatile Thread counted;
    private int hooksCounted;
    /** The thread that passes {@link #toPass} more hooks before it is held, or null. */
    private Thread passing;
    private int toPass;
    private boolean stopReturned;
    private int spinPoints;
    /** Where stop()'s wait with a time-out timed out (the server's line), or null while none did. */
    private String expiredAt;
    /** How far the stopping thread's clock is ahead of the JVM's, for the time-out it saw run out. */
    private volatile long stopperClockAhead;

    private StopGate() {
    }

    /** Installs a gate, open, before the server is created: it learns which threads the server starts. */
    static StopGate install() {
        return install(new StopGate());
    }

    /** From now on a server thread that reaches a hook is held there. */
    synchronized void hold() {
        passing = null;
        closed = true;
    }

    /**
     * From now on a server thread that reaches a hook is held, but {@code thread} first passes
     * {@code hooks} of them: so stop() can begin at each point of that thread's path in turn.
     */
    synchronized void holdAfter(Thread thread, int hooks) {
        passing = thread;
        toPass = hooks;
        closed = true;
    }

    /** Counts the hooks {@code thread} reaches from now on, while the gate is open; null stops counting. */
    synchronized void count(Thread thread) {
        counted = thread;
        hooksCounted = 0;
    }

    synchronized int hooksCounted() {
        return hooksCounted;
    }

    /** Starts a thread that calls stop(); the server's threads are held until it waits for them. */
    Stopping stop(EchoServer server) {
        Stopping stopping = new Stopping(server);
        synchronized (this) {
            stopper = stopping.thread();
            free.add(stopper);
            closed = true;
        }
        stopping.thread().start();
        return stopping;
    }

    /** Called once stop() returned: from now on every server thread that reaches a hook is held. */
    synchronized void stopReturned() {
        stopReturned = true;
        waiting.clear();
    }

    /**
     * After stop() returned: waits until no server thread is runnable (each has ended, is held, or waits),
     * at most until the deadline. A thread on its way out of the round that woke stop() is not held, and
     * may be descheduled between two lines of the server's code as stop() returns: where it goes next
     * tells whether it was leaving (it ends) or going on (it is held at its next point). A thread in a
     * native call (a socket read) stays runnable: the deadline ends the wait for it.
     */
    void awaitSettled(Deadline deadline) {
        while (!deadline.passed() && serverThreads().stream().anyMatch(this::runnable)) {
            // The JVM tells no one when a thread ends or blocks: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /**
     * Runnable, or about to be: a thread blocked on the gate's own monitor is on its way into a hook
     * (and the monitor may already be free: a blocked thread shows BLOCKED until it runs again).
     */
    private boolean runnable(Thread thread) {
        Thread.State state = thread.getState();
        if (state == Thread.State.BLOCKED) {
            ThreadInfo info = THREADS.getThreadInfo(thread.getId());
            return info != null && info.getLockInfo() != null
                    && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(this);
        }
        return state == Thread.State.RUNNABLE || state == Thread.State.NEW;
    }

    /** Where stop()'s first wait with a time-out ran out (the server's line), or empty if none did. */
    synchronized Optional<String> expiredAt() {
        return Optional.ofNullable(expiredAt);
    }

    /**
     * Whether {@code thread}, one the gate lets nothing go for (not started by {@link #stop}), waits or
     * sleeps, or is blocked on a monitor a held thread holds: while the server's threads are held, it
     * cannot go on.
     */
    boolean waitsOrIsBlocked(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId());
        if (info == null) {
            return false;
        }
        return switch (info.getThreadState()) {
            case WAITING, TIMED_WAITING -> true;
            // (Not the gate's own monitor, which a held thread takes for a moment as it looks whether to go on.)
            case BLOCKED -> info.getLockInfo() != null
                    && info.getLockInfo().getIdentityHashCode() != System.identityHashCode(this)
                    && held().stream().anyMatch(owner -> owner.getId() == info.getLockOwnerId());
            default -> false;
        };
    }

    /** The server's threads held right now, each in the server's code or its pool. */
    synchronized List<Thread> held() {
        return List.copyOf(held);
    }

    /** The server's threads held right now at their very end (after their run() returned). */
    synchronized Set<Thread> heldAtExit() {
        return Set.copyOf(heldAtExit);
    }

    /** The server's thread that waits in accept() right now, or null. */
    Thread accepting() {
        for (Thread thread : serverThreads()) {
            for (StackTraceElement frame : thread.getStackTrace()) {
                if (frame.getMethodName().equals("accept") && (frame.getClassName().startsWith("java.net.")
                        || frame.getClassName().startsWith("sun.nio.ch."))) {
                    return thread;
                }
            }
        }
        return null;
    }

    /** Waits until {@code thread} is held, at most until the deadline; false if it was not. */
    synchronized boolean awaitHeld(Thread thread, Deadline deadline) throws InterruptedException {
        while (!held.contains(thread)) {
            long millis = deadline.remaining().toMillis();
            if (millis <= 0) {
                return false;
            }
            wait(millis);
        }
        return true;
    }

    /** Lets every held thread go on and holds no more: the check has seen what it needed. */
    synchronized void open() {
        closed = false;
        notifyAll();
    }

    /** Lets every held thread go on, for a stop() blocked where the gate cannot see it (a JDK monitor). */
    synchronized void releaseHeld() {
        free.addAll(held);
        if (stopWaitsOn != null) {
            letGoForWait.addAll(held);
        }
        notifyAll();
    }

    @Override
    public void close() {
        open();
        super.close();
    }

    // ---- holding ----------------------------------------------------------------------------

    /** A hook of a server thread (hold it while the gate is closed) or of a free thread (it may be waiting). */
    private void reached(boolean blocking) {
        reached(blocking, false, false);
    }

    /**
     * {@code returning}: the point right after a call that may synchronize (a latch counted down, a
     * permit released) returned.
     */
    private void reached(boolean blocking, boolean exiting, boolean returning) {
        Thread me = Thread.currentThread();
        if (!closed) {
            if (me == counted && unpausable.get()[0] == 0) {
                synchronized (this) {
                    hooksCounted++;
                }
            }
            return;
        }
        boolean awaitsPool = false;
        if (blocking) {
            boolean poolThread;
            synchronized (this) {
                awaitsPool = free.contains(me) && !stopReturned;
                poolThread = isPoolThread(me);
            }
            // A pool thread let go for awaitTermination that blocks outside the server's code waits on
            // its pool's own locks and queue (workers ending at once contend for them): on other pool
            // threads and stop(), never on a thread the server started by hand.
            awaitsPool = awaitsPool && (inPoolAwaitTermination() || poolThread && !studentCodeOnStack());
        }
        synchronized (this) {
            if (free.contains(me)) {
                if (blocking) {
                    if (me == stopper) {
                        // stop() waits again: whoever woke it may be what it waits for now.
                        free.addAll(wokeStop.keySet());
                        wokeStop.clear();
                        letGoForWait.clear();
                    }
                    waiting.add(me);
                    if (awaitsPool) {
                        awaitingPool.add(me);
                        releaseHeldPoolThreads();
                    } else {
                        awaitingPool.remove(me);
                        releaseHeld();
                    }
                } else {
                    waiting.remove(me);
                    awaitingPool.remove(me);
                    if (me == stopper) {
                        stopWaitsOn = null;
                    }
                    if (!held.isEmpty() && ++spinPoints > SPIN_POINTS) {
                        spinPoints = 0;
                        releaseHeld();
                    }
                }
                return;
            }
            if (!isServerThread(me) || unpausable.get()[0] > 0) {
                return;
            }
            if (me == passing && toPass > 0) {
                toPass--;
                return;
            }
            if (wokeStop.containsKey(me) && (exiting || !holdsAgainHere(wokeStop.get(me)))) {
                return;
            }
            boolean poolThread = isPoolThread(me);
            if ((exiting || returning) && (exiting && poolThread || ranWhileStopWaited.contains(me))) {
                // A pool thread ends after its pool reported it ended; one that ran while stop() waited
                // for something unknown may be what stop() waited for (a latch it counted down, last):
                // not held at its end, nor on its way back from the call that woke stop().
                return;
            }
            if (blocking && poolThread && leavingItsPool()) {
                // Its pool counted it out already: the pool may report itself terminated (shutdownNow()
                // ends with it) while the thread still takes the pool's lock on its way out.
                return;
            }
            if (!stopReturned && !waiting.isEmpty() && !(onlyPoolsAwaited() && !poolThread)) {
                ranWhileStopWaited.add(me);
            }
            boolean interrupted = false;
            held.add(me);
            if (exiting) {
                heldAtExit.add(me);
            }
            notifyAll(); // for awaitHeld
            boolean holdsMonitor = holdsMonitorBesidesTheGate(me);
            try {
                boolean wokeStopper = wokeStop.containsKey(me);
                while (closed && !free.contains(me) && (wokeStopper || stopReturned || waiting.isEmpty()
                        || (onlyPoolsAwaited() && !poolThread))) {
                    try {
                        if (!holdsMonitor) {
                            wait();
                        } else if (freeThreadBlockedOn(me)) {
                            // A free thread that checked for held owners just before this one took the
                            // monitor now waits for it, out of the gate's sight.
                            releaseHeld();
                        } else {
                            // The JVM tells no one when a thread blocks on a monitor: look again soon.
                            wait(MONITOR_LOOK_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        // stop() interrupts its threads (shutdownNow): they see it when they go on.
                        interrupted = true;
                    }
                }
            } finally {
                held.remove(me);
                heldAtExit.remove(me);
            }
            if (interrupted) {
                me.interrupt();
            }
        }
    }

    /** Whether {@code me} (the calling thread) holds a monitor other than the gate's own. */
    private boolean holdsMonitorBesidesTheGate(Thread me) {
        int gate = System.identityHashCode(this);
        ThreadInfo info = THREADS.getThreadInfo(new long[] {me.getId()}, true, false)[0];
        return info != null && Arrays.stream(info.getLockedMonitors()).anyMatch(m -> m.getIdentityHashCode() != gate);
    }

    /** Under the lock: some free thread is blocked entering a monitor that {@code owner} holds. */
    private boolean freeThreadBlockedOn(Thread owner) {
        long[] ids = free.stream().mapToLong(Thread::getId).toArray();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED && info.getLockOwnerId() == owner.getId()) {
                return true;
            }
        }
        return false;
    }

    /** Under the lock: every free thread that waits, waits in a JDK pool's awaitTermination. */
    private boolean onlyPoolsAwaited() {
        return !waiting.isEmpty() && awaitingPool.containsAll(waiting);
    }

    /** Under the lock: the held pool threads go on (stop() waits for their pool to terminate). */
    private void releaseHeldPoolThreads() {
        for (Thread thread : held) {
            if (isPoolThread(thread)) {
                free.add(thread);
            }
        }
        notifyAll();
    }

    /** Under the lock: a thread of a JDK pool (ThreadPoolExecutor or ForkJoinPool), not one started by hand. */
    private boolean isPoolThread(Thread thread) {
        return thread instanceof java.util.concurrent.ForkJoinWorkerThread || poolThreads.contains(thread);
    }

    /** The calling thread starts a thread for a JDK pool (ThreadPoolExecutor.addWorker). */
    private static boolean startingPoolThread() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && frame.getMethodName().equals("addWorker")) {
                return true;
            }
        }
        return false;
    }

    /** The calling thread is a pool thread on its way out (ThreadPoolExecutor.processWorkerExit). */
    private static boolean leavingItsPool() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && frame.getMethodName().equals("processWorkerExit")) {
                return true;
            }
        }
        return false;
    }

    /** The calling thread is inside a JDK pool's awaitTermination (also through ExecutorService.close). */
    private static boolean inPoolAwaitTermination() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getMethodName().equals("awaitTermination")
                    && frame.getClassName().startsWith("java.util.concurrent.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * stop() begins a wait with a time-out of {@code nanos}: true when it runs out at once instead (the
     * first such wait while a thread of the server lives), the stopping thread's clock then moved on
     * by that time-out. A timed wait may always end early as far as its caller can tell, by its time
     * or spuriously, so a stop() that waits again is unaffected.
     */
    private boolean expires(long nanos) {
        // (nanos below 0: a time too long, which overflowed; 0: no time-out.)
        if (!closed || nanos <= 0 || nanos > LONGEST_EXPIRED_NANOS) {
            return false;
        }
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (me != stopper || stopReturned || expiredAt != null || !serverThreadLives()) {
                return false;
            }
            StackTraceElement frame = StudentCode.firstStudentFrame(me.getStackTrace());
            expiredAt = frame == null ? "stop()" : StudentCode.location(frame);
            stopperClockAhead += nanos;
            return true;
        }
    }

    /** Under the lock: a thread of the server has not ended (asked of the JVM without a hook, which would let it go). */
    private boolean serverThreadLives() {
        for (Thread thread : serverThreads()) {
            if (THREADS.getThreadInfo(thread.getId()) != null) {
                return true;
            }
        }
        return false;
    }

    /** A free thread waits for {@code thread}: that one goes on. */
    private void waitsFor(Thread thread) {
        if (!closed) {
            return;
        }
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (free.contains(me) && isServerThread(thread)) {
                waiting.remove(me);
                if (me == stopper) {
                    stopWaitsOn = null;
                }
                free.add(thread);
                endAwaited.add(thread);
                notifyAll();
            }
        }
    }

    /**
     * The calling thread wakes stop() by notifyAll() on the {@code monitor} it waits on, or by an unpark
     * while stop() parks ({@link #PARKED}: a condition signalled, a lock released, a latch counted down):
     * stop() runs again, so once the caller begins another round of the server's code it is held again,
     * and so is every thread let go for stop()'s wait at its next point in that code, until stop() waits
     * again or returns. A pool that terminates wakes stop() from awaitTermination, where nothing is held
     * again: its threads are all it waits for.
     */
    private synchronized void wakes(Object monitor) {
        Thread me = Thread.currentThread();
        if (!closed || stopReturned || stopper == null || me == stopper || !waiting.contains(stopper)
                || !isServerThread(me) || endAwaited.contains(me) || monitor != stopWaitsOn) {
            return;
        }
        free.remove(me);
        wokeStop.put(me, studentFrames());
        // What stop() waited for may be this thread's end: it is not held there.
        ranWhileStopWaited.add(me);
        // Woken from wait(): it runs again (once it has the monitor), so the server's threads are held
        // again at their next point, as before it waited.
        waiting.remove(stopper);
        for (Thread other : letGoForWait) {
            if (other != me && !endAwaited.contains(other)) {
                free.remove(other);
                wokeStop.put(other, null);
            }
        }
        letGoForWait.clear();
    }

    /** A free thread takes a monitor: if a held thread holds it, every held thread goes on. */
    private void entering(Object monitor) {
        if (!closed) {
            reached(false); // counted, if it is the counted thread's
            return;
        }
        Thread me = Thread.currentThread();
        long[] ids;
        synchronized (this) {
            boolean isFree = free.contains(me);
            if (isFree) {
                waiting.remove(me);
                if (me == stopper) {
                    stopWaitsOn = null;
                }
            }
            ids = isFree && !held.isEmpty() ? held.stream().mapToLong(Thread::getId).toArray() : null;
            if (isFree && ids == null) {
                return;
            }
        }
        if (ids == null) {
            reached(false);
            return;
        }
        int identity = System.identityHashCode(monitor);
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, false)) {
            if (info == null) {
                continue;
            }
            for (MonitorInfo locked : info.getLockedMonitors()) {
                if (locked.getIdentityHashCode() == identity) {
                    synchronized (this) {
                        releaseHeld();
                    }
                    return;
                }
            }
        }
    }

    /** The calling thread's frames in the server's code, outermost first. */
    private static List<StackTraceElement> studentFrames() {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (StudentCode.isStudentClass(frame.getClassName())) {
                frames.add(0, frame);
            }
        }
        return frames;
    }

    /** Whether a thread held again since stop() woke ({@link #wokeStop}) is held at this point. */
    private static boolean holdsAgainHere(List<StackTraceElement> whenItWokeStop) {
        return whenItWokeStop == null ? StudentCode.firstStudentFrame(Thread.currentThread().getStackTrace()) != null
                : beginsAnotherRound(whenItWokeStop);
    }

    /**
     * Whether the calling thread, in the server's code, went back to an earlier line of a method it
     * was in when it woke stop(): a new round (the next client, the next turn of a loop), not its way
     * out of the one that woke stop().
     */
    private static boolean beginsAnotherRound(List<StackTraceElement> whenItWoke) {
        List<StackTraceElement> now = studentFrames();
        for (int i = 0; i < Math.min(now.size(), whenItWoke.size()); i++) {
            StackTraceElement before = whenItWoke.get(i);
            StackTraceElement after = now.get(i);
            if (!before.getClassName().equals(after.getClassName())
                    || !before.getMethodName().equals(after.getMethodName())) {
                return false;
            }
            if (after.getLineNumber() != before.getLineNumber()) {
                return after.getLineNumber() < before.getLineNumber();
            }
        }
        return false;
    }

    private boolean studentCodeOnStack() {
        return StudentCode.firstStudentFrame(Thread.currentThread().getStackTrace()) != null;
    }

    // ---- the dispatcher: every hook answers "not controlled", so the JDK does what it always does --

    @Override
    public boolean point(int site, int kind) {
        reached(false, false, kind == AFTER_SYNCHRONIZING_CALL);
        return false;
    }

    @Override
    public boolean field(Object object, int site) {
        reached(false);
        return false;
    }

    @Override
    public boolean monitorEnter(Object monitor, int site) {
        entering(monitor);
        return false;
    }

    @Override
    public boolean waitOn(Object monitor, long millis, int nanos, int site) {
        if (expires(nanosOf(millis) + nanos)) {
            return true;
        }
        if (Thread.currentThread() == stopper) {
            synchronized (this) {
                stopWaitsOn = monitor;
            }
        }
        reached(true);
        return false;
    }

    @Override
    public boolean notifyOne(Object monitor, int site) {
        reached(false);
        return false;
    }

    @Override
    public boolean notifyEvery(Object monitor, int site) {
        reached(false);
        if (closed) {
            wakes(monitor);
        }
        return false;
    }

    @Override
    public void initializer(boolean entering) {
        unpausable.get()[0] += entering ? 1 : -1;
    }

    @Override
    public long nanoTime() {
        long ahead = stopperClockAhead;
        return ahead != 0 && Thread.currentThread() == stopper ? System.nanoTime() + ahead : Long.MIN_VALUE;
    }

    @Override
    public long currentTimeMillis() {
        long ahead = stopperClockAhead;
        return ahead != 0 && Thread.currentThread() == stopper ? System.currentTimeMillis() + ahead / 1_000_000L
                : Long.MIN_VALUE;
    }

    @Override
    public boolean sleep(long nanos) {
        reached(true);
        return false;
    }

    @Override
    public boolean yieldHint(int site) {
        reached(true);
        return false;
    }

    @Override
    void serverThreadStarting(Thread thread) {
        if (startingPoolThread()) {
            synchronized (this) {
                poolThreads.add(thread);
            }
        }
    }

    @Override
    public void threadExits() {
        reached(false, true, false);
    }

    @Override
    public boolean join(Thread thread, long millis) {
        // (Thread.isAlive() would be this gate's own hook, which lets the thread go on.)
        if (THREADS.getThreadInfo(thread.getId()) != null && expires(nanosOf(millis))) {
            return true;
        }
        waitsFor(thread);
        return false;
    }

    @Override
    public int isAlive(Thread thread) {
        waitsFor(thread);
        return -1;
    }

    @Override
    public Thread.State state(Thread thread) {
        waitsFor(thread);
        return null;
    }

    @Override
    public boolean park(Object blocker, int mode, long time) {
        long timeOut = switch (mode) {
            case PARK_NANOS -> time;
            case PARK_UNTIL -> nanosOf(time - callersCurrentTimeMillis());
            default -> 0;
        };
        if (expires(timeOut)) {
            return true;
        }
        if (Thread.currentThread() == stopper && !inPoolAwaitTermination()) {
            synchronized (this) {
                stopWaitsOn = PARKED;
            }
        }
        reached(true);
        return false;
    }

    @Override
    public boolean unpark(Thread thread) {
        if (closed && thread == stopper) {
            wakes(PARKED);
        }
        return false;
    }

    /** Milliseconds as nanoseconds, Long.MAX_VALUE for a time too long to count in them. */
    private static long nanosOf(long millis) {
        return millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L;
    }

    /** The calling thread's clock, in epoch milliseconds: the stopping thread's may be ahead. */
    private long callersCurrentTimeMillis() {
        long now = currentTimeMillis();
        return now == Long.MIN_VALUE ? System.currentTimeMillis() : now;
    }
}
