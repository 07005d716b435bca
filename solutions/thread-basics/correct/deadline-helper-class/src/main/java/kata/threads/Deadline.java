package kata.threads;

import java.time.Duration;

/** One moment in time, fixed when it is made, measured on the monotonic clock. */
final class Deadline {

    private final long start;
    private final long budget;

    private Deadline(long start, long budget) {
        this.start = start;
        this.budget = budget;
    }

    static Deadline after(Duration duration) {
        long budget;
        if (duration.isNegative() || duration.isZero()) {
            budget = 0L;
        } else {
            try {
                budget = duration.toNanos();
            } catch (ArithmeticException overflow) {
                budget = Long.MAX_VALUE;
            }
        }
        return new Deadline(System.nanoTime(), budget);
    }

    /** Nanoseconds until the deadline; zero or less once it has passed. Overflow-safe. */
    long nanosLeft() {
        return budget - (System.nanoTime() - start);
    }

    boolean passed() {
        return nanosLeft() <= 0;
    }
}
