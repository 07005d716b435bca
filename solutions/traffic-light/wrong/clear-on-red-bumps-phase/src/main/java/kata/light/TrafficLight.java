package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 *
 * <p>Like Python's {@code Event}, a car waits for the light to <em>change</em>, not only for it to
 * be green when the car gets to run: every change of colour starts a new phase, and a car that came
 * at red drives once the phase it came in is over (so a quick {@code set(); clear();} still lets
 * the waiting cars drive).
 */
public class TrafficLight {

    private final Object lock = new Object();

    /** Guarded by {@code lock}. */
    private boolean green;

    /** Counts the changes of colour. Guarded by {@code lock}. */
    private long phase;

    /** A new light is red. */
    public TrafficLight() {
        // green == false, phase == 0
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        synchronized (lock) {
            if (!green) {
                green = true;
                phase++;
                lock.notifyAll();
            }
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        synchronized (lock) {
            green = false;
            phase++; // a new red phase: the cars that come now wait for the next set()
        }
    }

    /** True while the light is green. */
    public boolean isSet() {
        synchronized (lock) {
            return green;
        }
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        synchronized (lock) {
            if (green) {
                return;
            }
            long myPhase = phase;
            while (phase == myPhase) {
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
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            if (green) {
                return true;
            }
            long myPhase = phase;
            while (phase == myPhase) {
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
