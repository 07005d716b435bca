package kata.race;

import java.util.concurrent.atomic.AtomicInteger;

/** A sample submission that does not compile: a typo in the type name and a missing semicolon. */
public class Counter {

    private final AtomicInteger count = new AtomicInteger();

    public void increment() {
        count.incrementAndGet()
    }

    public int get() {
        return count.get();
    }

    public boolean incrementIfBelow(int limit) {
        while (true) {
            int current = count.get();
            if (current >= limit) {
                return false;
            }
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }
}
