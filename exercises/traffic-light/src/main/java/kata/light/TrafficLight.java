package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {

    /** A new light is red. */
    public TrafficLight() {
        // Keep what the methods need here.
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        throw new UnsupportedOperationException("TrafficLight.set() is not written yet: turn the light green and"
                + " wake EVERY car that waits for it.");
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        throw new UnsupportedOperationException("TrafficLight.clear() is not written yet: turn the light red, so"
                + " that cars that come later wait again.");
    }

    /** True while the light is green. */
    public boolean isSet() {
        throw new UnsupportedOperationException("TrafficLight.isSet() is not written yet: return whether the"
                + " light is green.");
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        throw new UnsupportedOperationException("TrafficLight.await() is not written yet: while the light is red,"
                + " wait (without spinning) until set() wakes you; check the light and start waiting under the"
                + " same lock that set() takes.");
    }

    /**
     * Waits at most {@code timeout} for green: true as soon as the light is green, false when the
     * time runs out while it is still red.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("TrafficLight.await(timeout, unit) is not written yet: like"
                + " await(), but give up and return false once the timeout has passed while the light is still red.");
    }
}
