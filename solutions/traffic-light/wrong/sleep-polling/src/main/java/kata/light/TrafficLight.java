package kata.light;

import java.util.concurrent.TimeUnit;

/** Wrong: cars poll a volatile flag with a short sleep instead of blocking until set() wakes them. */
public class TrafficLight {

    private volatile boolean green;

    public TrafficLight() {
    }

    public void set() {
        green = true;
    }

    public void clear() {
        green = false;
    }

    public boolean isSet() {
        return green;
    }

    public void await() throws InterruptedException {
        while (!green) {
            Thread.sleep(5);
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!green) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(5, TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return true;
    }
}
