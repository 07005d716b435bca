package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    private final Object lock = new Object();
    private volatile boolean green;

    /** A new light is red. */
    public TrafficLight() {
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        synchronized (lock) {
            green = true;
            lock.notifyAll();
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        synchronized (lock) {
            green = false;
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
        synchronized (lock) {
            while (!green) {
                lock.wait();
            }
        }
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (timeout < 0) {
            return false; // a negative time-out has run out before we started: nothing to wait for
        }
        if (timeout == 0) {
            return green; // wait(0) would wait for ever: just look at the light
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!green) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
