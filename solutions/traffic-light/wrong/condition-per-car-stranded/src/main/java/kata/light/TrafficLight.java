package kata.light;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A traffic light that cars wait at, like the seed's {@code Event}: red until {@link #set()} turns
 * it green, which lets every waiting car drive; {@link #clear()} turns it red again for the cars
 * that come later. Many threads use one light at the same time.
 *
 * <p>Each waiting car has its own {@link Condition} on the light's lock, so {@code set()} signals
 * exactly the cars that wait and nobody else.
 */
public class TrafficLight {

    private final ReentrantLock lock = new ReentrantLock();
    /** The conditions of the cars waiting at red; guarded by {@code lock}. */
    private final List<Condition> waiting = new ArrayList<>();
    /** Guarded by {@code lock}. */
    private boolean green;

    /** A new light is red. */
    public TrafficLight() {
    }

    /** Turns the light green: every car waiting now drives, and cars that come while it is green do not wait. */
    public void set() {
        lock.lock();
        try {
            green = true;
            for (Condition car : waiting) {
                car.signal();
            }
            waiting.clear(); // all of them have had their signal
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
            if (green) {
                return;
            }
            Condition mine = lock.newCondition();
            waiting.add(mine);
            try {
                while (!green) {
                    mine.await();
                }
            } finally {
                waiting.remove(mine);
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
            if (green) {
                return true;
            }
            if (nanos <= 0L) {
                return false;
            }
            Condition mine = lock.newCondition();
            waiting.add(mine);
            try {
                while (!green) {
                    if (nanos <= 0L) {
                        return false;
                    }
                    nanos = mine.awaitNanos(nanos);
                }
                return true;
            } finally {
                waiting.remove(mine);
            }
        } finally {
            lock.unlock();
        }
    }
}
