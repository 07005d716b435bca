package kata.light;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {
    /** The current light: open latch = green, closed latch = red. */
    private final AtomicReference<CountDownLatch> current = new AtomicReference<>(new CountDownLatch(1));

    /** A new light is red. */
    public TrafficLight() {
        // a closed latch: red
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        current.get().countDown();
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        for (;;) {
            CountDownLatch latch = current.get();
            if (latch.getCount() != 0) {
                return;                                   // already red
            }
            if (current.compareAndSet(latch, new CountDownLatch(1))) {
                return;
            }
        }
    }

    /** True while the light is green. */
    public boolean isSet() {
        return current.get().getCount() == 0;
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        for (;;) {
            CountDownLatch latch = current.get();
            if (latch.getCount() == 0) {
                return;                     // green
            }
            latch.await();                  // opened by set(); look again: clear() may have swapped in a red one
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
        for (;;) {
            CountDownLatch latch = current.get();
            if (latch.getCount() == 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0L) {
                return false;
            }
            latch.await(left, TimeUnit.NANOSECONDS);
        }
    }
}
