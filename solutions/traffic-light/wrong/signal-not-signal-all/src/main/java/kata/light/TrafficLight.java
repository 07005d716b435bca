package kata.light;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wrong: a Lock and a Condition, as it should be, but set() wakes only one car with signal(). */
public class TrafficLight {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnedGreen = lock.newCondition();
    private boolean green;

    public TrafficLight() {
    }

    public void set() {
        lock.lock();
        try {
            green = true;
            turnedGreen.signal();
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            green = false;
        } finally {
            lock.unlock();
        }
    }

    public boolean isSet() {
        lock.lock();
        try {
            return green;
        } finally {
            lock.unlock();
        }
    }

    public void await() throws InterruptedException {
        lock.lock();
        try {
            while (!green) {
                turnedGreen.await();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long left = unit.toNanos(timeout);
            while (!green) {
                if (left <= 0) {
                    return false;
                }
                left = turnedGreen.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
