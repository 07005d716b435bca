package kata.light;

import java.util.concurrent.TimeUnit;

/** Wrong: cars spin on a volatile flag instead of blocking; every waiting car keeps a CPU busy. */
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
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!green) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
