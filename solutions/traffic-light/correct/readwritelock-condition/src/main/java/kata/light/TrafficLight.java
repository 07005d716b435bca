package kata.light;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 */
public class TrafficLight {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Condition changedToGreen = rw.writeLock().newCondition();
    private boolean green;

    /** A new light is red. */
    public TrafficLight() {
        // red: green is false
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        rw.writeLock().lock();
        try {
            green = true;
            changedToGreen.signalAll();
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Turns the light red: cars that come from now on wait until the next {@link #set()}. */
    public void clear() {
        rw.writeLock().lock();
        try {
            green = false;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** True while the light is green. */
    public boolean isSet() {
        rw.readLock().lock();
        try {
            return green;
        } finally {
            rw.readLock().unlock();
        }
    }

    /**
     * Waits until the light is green (returns at once if it is): blocks without using the CPU.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void await() throws InterruptedException {
        rw.writeLock().lockInterruptibly();
        try {
            while (!green) {
                changedToGreen.await();
            }
        } finally {
            rw.writeLock().unlock();
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
        rw.writeLock().lockInterruptibly();
        try {
            while (!green) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                changedToGreen.awaitNanos(left);
            }
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
