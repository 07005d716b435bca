package kata.light;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition green_ = lock.newCondition();

    private boolean green;

    /** A new light is red. */
    public TrafficLight() {
        green = false;
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        if (green) {
            return; // green already: nobody can be waiting, no need to lock and signal
        }
        lock.lock();
        try {
            green = true;
            green_.signalAll();
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
        lock.lock();
        try {
            return green;
        } finally {
            lock.unlock();
        }
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
                green_.await();
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
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!green) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = green_.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
