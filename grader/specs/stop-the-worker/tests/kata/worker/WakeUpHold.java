package kata.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kata.support.agent.StudentCode;
import kata.support.boot.Dispatcher;
import kata.support.boot.Hooks;

/**
 * Makes "stop() woke up before the count was written" show on every run, not only when the worker
 * happens to be slower than stop().
 *
 * <p>A worker that wakes the thread waiting in stop() (a latch counted down, a lock released, a
 * future completed: each an unpark inside the JDK, where the kata agent calls a {@link Dispatcher})
 * and only then writes what stop() returns has a window between the two. Once armed, the first
 * thread that unparks the stopper is held right after that unpark, until the stopper blocks again
 * (parks, waits, sleeps, joins or asks whether a thread is alive: it may be waiting for the held
 * thread) or ends. So stop() reads what the worker had written before it woke it: all of it when
 * the wake-up comes last, as it should, and less when it does not. A correct worker is never held
 * past stop()'s return; a stopper that waits in a way the agent cannot see (a spin on a field)
 * gets the worker back after {@link #LONGEST_HOLD_MILLIS}, which can only hide the bug, never
 * fail correct code.
 */
final class WakeUpHold implements Dispatcher, AutoCloseable {

    private static final long LONGEST_HOLD_MILLIS = 2_000;

    private final Thread stopper;
    private final Thread check;
    private final ThreadLocal<Boolean> unparking = ThreadLocal.withInitial(() -> false);
    private boolean armed;
    private Thread held;
    private boolean heldOnce;

    private WakeUpHold(Thread stopper, Thread check) {
        this.stopper = stopper;
        this.check = check;
    }

    /** Installs a hold, not armed yet, for the thread that will call stop(). */
    static WakeUpHold install(Thread stopper) {
        if (!StudentCode.agentActive()) {
            throw new IllegalStateException("This check holds the worker right after it wakes the thread in stop(),"
                    + " and needs the kata agent, which `mvn verify` and the grader add"
                    + " (-javaagent:kata-support.jar=<classes dir>).");
        }
        WakeUpHold hold = new WakeUpHold(stopper, Thread.currentThread());
        Hooks.install(hold);
        return hold;
    }

    /** From now on, the first thread (not the check's) that unparks the stopper is held after it. */
    synchronized void arm() {
        armed = true;
    }

    /** Whether a thread was held after waking the stopper. */
    synchronized boolean heldOnce() {
        return heldOnce;
    }

    @Override
    public void close() {
        release();
        Hooks.install(null);
    }

    private synchronized void release() {
        armed = false;
        held = null;
        notifyAll();
    }

    /** The stopper blocks (or ends): the held thread may be what it waits for. */
    private void stopperBlocks() {
        if (Thread.currentThread() == stopper) {
            synchronized (this) {
                if (held != null) {
                    release();
                }
            }
        }
    }

    @Override
    public boolean unpark(Thread thread) {
        Thread me = Thread.currentThread();
        if (unparking.get()) {
            return false;
        }
        synchronized (this) {
            if (!armed || thread != stopper || me == stopper || me == check) {
                return false;
            }
            armed = false;
            held = me;
            heldOnce = true;
        }
        // The real unpark (this hook lets it through), then the hold: the stopper runs on while
        // this thread stays here.
        unparking.set(true);
        try {
            LockSupport.unpark(thread);
        } finally {
            unparking.set(false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONGEST_HOLD_MILLIS);
        synchronized (this) {
            boolean interrupted = false;
            while (held == me) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    held = null;
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                me.interrupt();
            }
        }
        return true;
    }

    @Override
    public boolean park(Object blocker, int mode, long time) {
        stopperBlocks();
        return false;
    }

    @Override
    public boolean waitOn(Object monitor, long millis, int nanos, int site) {
        stopperBlocks();
        return false;
    }

    @Override
    public boolean sleep(long nanos) {
        stopperBlocks();
        return false;
    }

    @Override
    public boolean join(Thread thread, long millis) {
        stopperBlocks();
        return false;
    }

    @Override
    public int isAlive(Thread thread) {
        stopperBlocks();
        return -1;
    }

    @Override
    public Thread.State state(Thread thread) {
        stopperBlocks();
        return null;
    }

    @Override
    public boolean yieldHint(int site) {
        stopperBlocks();
        return false;
    }

    @Override
    public void threadExits() {
        stopperBlocks();
    }

    @Override
    public boolean monitorEnter(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean point(int site, int kind) {
        return false;
    }

    @Override
    public boolean field(Object object, int site) {
        return false;
    }

    @Override
    public boolean monitorEntered(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean monitorExited(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean notifyOne(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean notifyEvery(Object monitor, int site) {
        return false;
    }

    @Override
    public void initializer(boolean entering) {
    }

    @Override
    public long nanoTime() {
        return Long.MIN_VALUE;
    }

    @Override
    public long currentTimeMillis() {
        return Long.MIN_VALUE;
    }

    @Override
    public void threadStarting(Thread thread) {
    }

    @Override
    public void threadBegins() {
    }

    @Override
    public void interrupting(Thread thread) {
    }
}
