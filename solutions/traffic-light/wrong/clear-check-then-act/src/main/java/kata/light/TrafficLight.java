package kata.light;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    /** One latch per green phase: open = green. Replaced by a closed one when the light turns red. */
    private volatile CountDownLatch phase;

    /** A new light is red. */
    public TrafficLight() {
        phase = new CountDownLatch(1);
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        phase.countDown();
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        // only replace an open latch: cars may be waiting on a closed one
        if (phase.getCount() == 0) {
            phase = new CountDownLatch(1);
        }
    }

    /** True while the light is green. */
    public boolean isSet() {
        return phase.getCount() == 0;
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        CountDownLatch current = phase;
        if (current.getCount() == 0) {
            return;
        }
        current.await();
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch current = phase;
        if (current.getCount() == 0) {
            return true;
        }
        return current.await(timeout, unit);
    }
}
