package kata.light;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Wrong: a CountDownLatch opens once and for ever, so clear() cannot turn the light red again. */
public class TrafficLight {

    private final CountDownLatch green = new CountDownLatch(1);

    public TrafficLight() {
    }

    public void set() {
        green.countDown();
    }

    public void clear() {
        // A latch cannot be reset.
    }

    public boolean isSet() {
        return green.getCount() == 0;
    }

    public void await() throws InterruptedException {
        green.await();
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return green.await(timeout, unit);
    }
}
