package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    /** Guarded by {@code this}. */
    private boolean green;

    /** A new light is red. */
    public TrafficLight() {
        green = false;
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public synchronized void set() {
        green = true;
        notifyAll();
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public synchronized void clear() {
        green = false;
    }

    /** True while the light is green. */
    public synchronized boolean isSet() {
        return green;
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public synchronized void await() throws InterruptedException {
        while (!green) {
            wait();
        }
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        final long deadline = System.nanoTime() + left;
        while (!green) {
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
            if (left <= 0) {
                return false; // time is up
            }
        }
        return true;
    }
}
