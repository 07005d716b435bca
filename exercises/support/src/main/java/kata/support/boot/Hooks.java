package kata.support.boot;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.concurrent.locks.LockSupport;
import kata.support.PublicApi;

/**
 * The calls that the kata agent inserts into the student's classes and into the JDK classes that
 * threads block in ({@code java.lang.Thread}, {@code java.util.concurrent}). It is on the boot
 * class path so that both can reach it. Outside a controlled execution each hook is a volatile
 * read and then what the code would have done anyway; inside one, the scheduler decides.
 */
@PublicApi
public final class Hooks {

    private static volatile Dispatcher dispatcher;
    private static volatile ObjIntConsumer<Object> creations;
    private static volatile Consumer<Thread> startWatcher;
    private static volatile Runnable beginWatcher;

    private Hooks() {
    }

    /** Installed by the scheduler while it controls an execution; null otherwise. */
    public static void install(Dispatcher installed) {
        dispatcher = installed;
    }

    /**
     * Installed by a check that holds new threads at their very start (outside a controlled
     * execution): told in the starting thread which thread it starts, then run first thing in
     * every new thread. Nulls remove them.
     */
    public static void watchThreads(Consumer<Thread> onStarting, Runnable onBeginning) {
        startWatcher = onStarting;
        beginWatcher = onBeginning;
    }

    /** Installed by the agent: told where the student's code creates locks and conditions. */
    public static void recordCreations(ObjIntConsumer<Object> recorder) {
        creations = recorder;
    }

    // ---- the student's classes -----------------------------------------------------------------

    /** The student's code created a lock, semaphore, latch or condition at this site. */
    public static void created(Object object, int site) {
        ObjIntConsumer<Object> recorder = creations;
        if (recorder != null && object != null) {
            recorder.accept(object, site);
        }
    }

    public static void point(int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.point(site, Dispatcher.PLAIN_POINT);
        }
    }

    /** Before an access to an instance field of {@code object}. */
    public static void field(Object object, int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.field(object, site);
        }
    }

    /** Before a call of a java.util method on {@code receiver} (a collection's, say). */
    public static void callOn(Object receiver, int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.field(receiver, site);
        }
    }

    /** Before a call that may block or synchronize (a lock, an await, a queue, a join). */
    public static void blockingCall(int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.point(site, Dispatcher.BEFORE_SYNCHRONIZING_CALL);
        }
    }

    /** After such a call returned. */
    public static void releasePoint(int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.point(site, Dispatcher.AFTER_SYNCHRONIZING_CALL);
        }
    }

    /** Before {@code Thread.yield()} or {@code Thread.onSpinWait()}: the thread waits for another. */
    public static void yieldHint(int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.yieldHint(site);
        }
    }

    public static void monitorEnter(Object monitor, int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.monitorEnter(monitor, site);
        }
    }

    public static void monitorEntered(Object monitor, int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.monitorEntered(monitor, site);
        }
    }

    public static void monitorExited(Object monitor, int site) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.monitorExited(monitor, site);
        }
    }

    public static void waitOn(Object monitor, int site) throws InterruptedException {
        waitOn(monitor, 0L, 0, site);
    }

    public static void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        waitOn(monitor, millis, 0, site);
    }

    public static void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        Dispatcher d = dispatcher;
        if (d == null || !d.waitOn(monitor, millis, nanos, site)) {
            monitor.wait(millis, nanos);
        }
    }

    /** In place of {@code monitor.wait(millis, nanos)} inside the JDK ({@code TimeUnit.timedWait}). */
    public static void jdkWait(Object monitor, long millis, int nanos) throws InterruptedException {
        waitOn(monitor, millis, nanos, -1);
    }

    public static void notifyOne(Object monitor, int site) {
        Dispatcher d = dispatcher;
        if (d == null || !d.notifyOne(monitor, site)) {
            monitor.notify();
        }
    }

    public static void notifyEvery(Object monitor, int site) {
        Dispatcher d = dispatcher;
        if (d == null || !d.notifyEvery(monitor, site)) {
            monitor.notifyAll();
        }
    }

    /**
     * A static initializer starts, or a JDK class takes a monitor under which it may run the
     * student's code: the thread may not be paused until the matching end.
     */
    public static void initializerStarts() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.initializer(true);
        }
    }

    public static void initializerEnds() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.initializer(false);
        }
    }

    public static long nanoTime() {
        Dispatcher d = dispatcher;
        long now = d == null ? Long.MIN_VALUE : d.nanoTime();
        return now == Long.MIN_VALUE ? System.nanoTime() : now;
    }

    public static long currentTimeMillis() {
        Dispatcher d = dispatcher;
        long now = d == null ? Long.MIN_VALUE : d.currentTimeMillis();
        return now == Long.MIN_VALUE ? System.currentTimeMillis() : now;
    }

    public static Instant instantNow() {
        Dispatcher d = dispatcher;
        long now = d == null ? Long.MIN_VALUE : d.currentTimeMillis();
        return now == Long.MIN_VALUE ? Instant.now() : Instant.ofEpochMilli(now);
    }

    /** In place of {@code Thread.sleep(millis)}, which is native on JDK 17. */
    public static void sleep(long millis) throws InterruptedException {
        sleep(millis, 0);
    }

    /** In place of {@code Thread.sleep(millis, nanos)}. */
    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0 || nanos < 0 || nanos > 999_999) {
            Thread.sleep(millis, nanos);
            return;
        }
        Dispatcher d = dispatcher;
        if (d == null || !d.sleep(saturatedNanos(millis, nanos))) {
            Thread.sleep(millis, nanos);
        }
    }

    // ---- JDK classes: java.lang.Thread --------------------------------------------------------

    /** At the start of {@code Thread.sleep(millis, nanos)}: true when the scheduler slept instead. */
    public static boolean sleepHandled(long millis, int nanos) throws InterruptedException {
        Dispatcher d = dispatcher;
        return d != null && millis >= 0 && nanos >= 0 && nanos <= 999_999 && d.sleep(saturatedNanos(millis, nanos));
    }

    public static void threadStarting(Thread thread) {
        Consumer<Thread> watcher = startWatcher;
        if (watcher != null) {
            watcher.accept(thread);
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            d.threadStarting(thread);
        }
    }

    public static void threadBegins() {
        Runnable watcher = beginWatcher;
        if (watcher != null) {
            watcher.run();
        }
        Dispatcher d = dispatcher;
        if (d != null) {
            d.threadBegins();
        }
    }

    public static void threadExits() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.threadExits();
        }
    }

    /** At the start of {@code Thread.join(millis)}: true when the scheduler joined instead. */
    public static boolean joinHandled(Thread thread, long millis) throws InterruptedException {
        Dispatcher d = dispatcher;
        return d != null && millis >= 0 && d.join(thread, millis);
    }

    /** At the start of {@code Thread.isAlive()}: 1 or 0 as modelled, -1 to ask the JVM. */
    public static int isAlive(Thread thread) {
        Dispatcher d = dispatcher;
        return d == null ? -1 : d.isAlive(thread);
    }

    /** At the start of {@code Thread.getState()}: the modelled state, or null to ask the JVM. */
    public static Thread.State state(Thread thread) {
        Dispatcher d = dispatcher;
        return d == null ? null : d.state(thread);
    }

    /**
     * At the start of {@code Thread.dispatchUncaughtException}: true for the error with which the
     * scheduler unwinds the threads of a failed run, which is no uncaught exception of theirs.
     */
    public static boolean unwinding(Throwable thrown) {
        return thrown != null && thrown.getClass().getName().equals("kata.support.interleave.ScheduleAbandoned");
    }

    public static void interrupting(Thread thread) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.interrupting(thread);
        }
    }

    // ---- JDK classes: java.util.concurrent ----------------------------------------------------

    /**
     * At the start of {@code LockSupport.park...}: true when the scheduler parked the thread. A
     * relative time-out of zero or less returns at once in the JDK; it is left to the JDK.
     */
    public static boolean parkHandled(Object blocker, int mode, long time) {
        Dispatcher d = dispatcher;
        return d != null && (mode != Dispatcher.PARK_NANOS || time > 0) && d.park(blocker, mode, time);
    }

    /** At the start of {@code LockSupport.unpark(thread)}: true when the scheduler delivered it. */
    public static boolean unparkHandled(Thread thread) {
        Dispatcher d = dispatcher;
        return d != null && thread != null && d.unpark(thread);
    }

    /** In place of a direct {@code Unsafe.park(absolute, time)} in a JDK class. */
    public static void unsafePark(Object unsafe, boolean absolute, long time) {
        if (absolute) {
            LockSupport.parkUntil(time);
        } else if (time == 0L) {
            LockSupport.park();
        } else if (time > 0L) {
            LockSupport.parkNanos(time);
        }
    }

    /** In place of a direct {@code Unsafe.unpark(thread)} in a JDK class. */
    public static void unsafeUnpark(Object unsafe, Object thread) {
        if (thread instanceof Thread target) {
            LockSupport.unpark(target);
        }
    }

    /** In place of {@code Thread.yield()} and {@code Thread.onSpinWait()} inside the JDK. */
    public static void jdkYield() {
        Dispatcher d = dispatcher;
        if (d == null || !d.yieldHint(-1)) {
            Thread.yield();
        }
    }

    private static long saturatedNanos(long millis, int nanos) {
        return millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L + nanos;
    }
}
