package kata.light;

import java.util.concurrent.TimeUnit;

/**
 * Wrong: await() checks the (volatile) flag before it takes the lock. set() can run between the
 * check and the wait: its notifyAll() finds nobody waiting, and the car then waits for ever.
 */
public class TrafficLight {

    private volatile boolean green;

    public TrafficLight() {
    }

    public synchronized void set() {
        green = true;
        notifyAll();
    }

    public synchronized void clear() {
        green = false;
    }

    public boolean isSet() {
        return green;
    }

    public void await() throws InterruptedException {
        while (!green) {
            synchronized (this) {
                wait();
            }
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!green) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (this) {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
        return true;
    }
}
