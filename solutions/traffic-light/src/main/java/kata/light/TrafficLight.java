package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    /** Guarded by this light's monitor: read and written only inside synchronized methods. */
    private boolean green;

    /** A new light is red. */
    public TrafficLight() {
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public synchronized void set() {
        green = true;
        // Every waiting car must drive, so wake them all: notify() would wake only one.
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
        // Checked and waited for under the lock that set() takes: set() cannot slip in between the
        // check and the wait, so its notifyAll() cannot be lost. A loop, because a thread may wake
        // without a set() (a spurious wake-up) or find the light red again by the time it runs.
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
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!green) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // wait(millis, nanos) rather than wait(millis): wait(0) would mean "for ever".
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return true;
    }
}
