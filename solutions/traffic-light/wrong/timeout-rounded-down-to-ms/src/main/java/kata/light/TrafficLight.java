package kata.light;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean green;

    /** A new light is red. */
    public TrafficLight() {
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        lock.lock();
        try {
            green = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        lock.lock();
        try {
            green = false;
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            while (!green) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (timeout <= 0) {
            return green;
        }
        // Timers tick in milliseconds; a positive time-out shorter than that still waits one tick.
        long millis = Math.max(1L, unit.toMillis(timeout));
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (!green) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
