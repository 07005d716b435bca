package kata.race;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hand-made spin lock: an AtomicBoolean taken with compareAndSet(false, true) and given back with
 * set(false), spinning with Thread.onSpinWait() while another thread holds it. The set(false) of one
 * holder happens-before the successful compareAndSet of the next, so the plain count is safe.
 */
public class Counter {

    private final AtomicBoolean locked = new AtomicBoolean();
    private int count;

    private void lock() {
        while (!locked.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    private void unlock() {
        locked.set(false);
    }

    public void increment() {
        lock();
        try {
            count++;
        } finally {
            unlock();
        }
    }

    public int get() {
        lock();
        try {
            return count;
        } finally {
            unlock();
        }
    }

    public boolean incrementIfBelow(int limit) {
        lock();
        try {
            if (count < limit) {
                count++;
                return true;
            }
            return false;
        } finally {
            unlock();
        }
    }
}
