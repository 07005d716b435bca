package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 *
 * <p>The colour is a {@code volatile} flag, so {@link #isSet()} and the quick check at the start of
 * each wait need no lock. The monitor of {@code this} is only used to sleep and to wake: a car checks
 * the flag and starts to wait while holding it, and {@link #set()} writes the flag first and then
 * takes the same monitor to notify. So if the car saw red, {@code set()} can only notify once the car
 * is waiting, and the wake-up cannot be lost.
 */
public class TrafficLight {

    private volatile boolean green;

    /** A new light is red. */
    public TrafficLight() {
        // green == false
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        green = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        green = false; // nobody waits for red: no notification
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
        synchronized (this) {
            while (!green) {
                wait();
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
        if (green) {
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (!green) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
