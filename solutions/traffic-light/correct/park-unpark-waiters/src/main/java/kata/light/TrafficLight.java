package kata.light;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {
    private volatile boolean green;
    private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();

    /** A new light is red. */
    public TrafficLight() {
        // red: green is false
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        green = true;                    // first the flag, then the wake-ups
        for (Thread car : waiting) {
            LockSupport.unpark(car);
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        green = false;
    }

    /** True while the light is green. */
    public boolean isSet() {
        return green;
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        if (green) {
            return;
        }
        Thread me = Thread.currentThread();
        waiting.add(me);                 // register, then check again: a set() after this point unparks me
        try {
            while (!green) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiting.remove(me);
        }
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (green) {
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            while (!green) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            waiting.remove(me);
        }
    }
}
