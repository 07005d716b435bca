package kata.support.boot;

import kata.support.PublicApi;

/**
 * What the controlled scheduler does at each hook. Lives on the boot class path with {@link Hooks}
 * so that JDK classes can call it; the implementation is the scheduler, loaded like any class of
 * the support library. Each method is called on the thread that reached the hook and returns
 * {@code false} (or a negative number, or null) when that thread is not under control, so that
 * the hook does what the JDK would have done.
 */
@PublicApi
public interface Dispatcher {

    // ---- from the student's instrumented classes ---------------------------------------------

    /** {@link #point}'s kind: before a shared access or a call into the JDK. */
    int PLAIN_POINT = 0;
    /** {@link #point}'s kind: before a call that may block or synchronize (a lock, a latch, a queue, a join). */
    int BEFORE_SYNCHRONIZING_CALL = 1;
    /** {@link #point}'s kind: after such a call returned. */
    int AFTER_SYNCHRONIZING_CALL = 2;

    /** Before a shared access, a call into the JDK, or a lock operation; {@code kind} is one of the above. */
    boolean point(int site, int kind);

    /**
     * Before an access to a field of {@code object} (an instance field outside a constructor), or
     * before a call of a java.util method on {@code object}.
     */
    boolean field(Object object, int site);

    boolean monitorEnter(Object monitor, int site);

    boolean monitorEntered(Object monitor, int site);

    boolean monitorExited(Object monitor, int site);

    /** {@code monitor.wait(millis, nanos)}; false when not controlled (the hook then waits for real). */
    boolean waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException;

    boolean notifyOne(Object monitor, int site);

    boolean notifyEvery(Object monitor, int site);

    /** A static initializer starts or ends: no thread is paused inside one (the class-init lock). */
    void initializer(boolean entering);

    // ---- from the JDK (java.lang.Thread, java.util.concurrent) and both ----------------------

    /** Virtual {@code System.nanoTime()}, or {@code Long.MIN_VALUE} when not controlled. */
    long nanoTime();

    /** Virtual {@code System.currentTimeMillis()}, or {@code Long.MIN_VALUE} when not controlled. */
    long currentTimeMillis();

    boolean sleep(long nanos) throws InterruptedException;

    boolean yieldHint(int site);

    /** {@code Thread.start()} of {@code thread} by the calling thread, before it starts. */
    void threadStarting(Thread thread);

    /** The first thing a thread does in {@code run()}. */
    void threadBegins();

    /** The JVM calls {@code Thread.exit()} on a thread that ends. */
    void threadExits();

    /** {@code thread.join(millis)}; false when the caller is not controlled. */
    boolean join(Thread thread, long millis) throws InterruptedException;

    /** 1 alive, 0 not, -1 when the thread is not controlled. */
    int isAlive(Thread thread);

    /** The modelled state, or null when the thread is not controlled. */
    Thread.State state(Thread thread);

    void interrupting(Thread thread);

    /** Untimed park. */
    int PARK = 0;
    /** Park with a time-out in nanoseconds (always above 0). */
    int PARK_NANOS = 1;
    /** Park until a deadline in epoch milliseconds. */
    int PARK_UNTIL = 2;

    /** {@code LockSupport.park...}; {@code mode} is one of {@link #PARK}, {@link #PARK_NANOS}, {@link #PARK_UNTIL}. */
    boolean park(Object blocker, int mode, long time);

    boolean unpark(Thread thread);
}
