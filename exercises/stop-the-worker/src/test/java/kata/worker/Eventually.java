package kata.worker;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A bounded wait for a state that must come: polls until the condition holds or the bound runs
 * out. The checks then say what they observed, in their own words.
 */
final class Eventually {

    private static final long POLL_NANOS = 2_000_000L;

    private Eventually() {
    }

    /** True as soon as the condition holds; false if it still does not after {@code bound}. */
    static boolean holds(Duration bound, BooleanSupplier condition) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
