package kata.light;

import java.util.concurrent.TimeUnit;

/** An event: cars wait at red until set() turns the light green. */
public class TrafficLight {

    private boolean green;

    public synchronized void set() {
        green = true;
        notifyAll();
    }

    public synchronized void clear() {
        green = false;
    }

    public synchronized boolean isSet() {
        return green;
    }

    public synchronized void await() throws InterruptedException {
        while (!green) {
            wait();
        }
    }

    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        while (!green) {
            if (nanos <= 0) {
                return false;
            }
            long start = System.nanoTime();
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
            // Only a wait that used up the whole timeout ends it: after any other wake-up the loop
            // waits the whole timeout again.
            if (System.nanoTime() - start >= nanos) {
                return green;
            }
        }
        return true;
    }
}
