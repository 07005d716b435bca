package kata.limit;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hand-made semaphore with direct hand-off: a released permit goes straight to the oldest waiter
 * (no barging), which sleeps in LockSupport.park until it is granted.
 */
public class Limiter {

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean granted;
    }

    private final Object lock = new Object();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int free;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.free = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        acquire(false, 0L);
        try {
            task.run();
        } finally {
            release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!acquire(true, unit.toNanos(timeout))) {
            return false;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    private boolean acquire(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final Waiter me;
        synchronized (lock) {
            if (free > 0) {
                free--;
                return true;
            }
            if (timed && nanos <= 0) {
                return false;
            }
            me = new Waiter();
            queue.addLast(me);
        }
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        while (!me.granted) {
            if (Thread.interrupted()) {
                leave(me);
                throw new InterruptedException();
            }
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    leave(me);
                    return false;
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
        return true;
    }

    private void leave(Waiter me) {
        synchronized (lock) {
            queue.remove(me);
        }
    }

    private void release() {
        synchronized (lock) {
            Waiter next = queue.pollFirst();
            if (next == null) {
                free++;
            } else {
                next.granted = true;
                LockSupport.unpark(next.thread);
            }
        }
    }
}
