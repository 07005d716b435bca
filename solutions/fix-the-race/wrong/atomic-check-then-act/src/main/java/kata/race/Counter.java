package kata.race;

import java.util.concurrent.atomic.AtomicInteger;

/** Wrong: each atomic call is indivisible, but the check and the add are two separate calls. */
public class Counter {

    private final AtomicInteger count = new AtomicInteger();

    public void increment() {
        count.incrementAndGet();
    }

    public int get() {
        return count.get();
    }

    public boolean incrementIfBelow(int limit) {
        if (count.get() < limit) {
            count.incrementAndGet();
            return true;
        }
        return false;
    }
}
