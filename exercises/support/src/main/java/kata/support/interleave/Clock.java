package kata.support.interleave;

/**
 * The time of a controlled run. It starts at the real time and moves only when every actor waits and
 * one of them waits with a deadline: then it jumps to the earliest deadline. So a one-minute
 * time-out passes at once, a time-out fires exactly when it is due, and no verdict depends on how
 * fast the machine is.
 */
final class Clock {

    private final long startNanos;
    private final long startMillis;
    private long elapsed;

    Clock() {
        this.startNanos = System.nanoTime();
        this.startMillis = System.currentTimeMillis();
    }

    long nanoTime() {
        return startNanos + elapsed;
    }

    long currentTimeMillis() {
        return startMillis + elapsed / 1_000_000L;
    }

    /** Nanoseconds since the run started. */
    long elapsed() {
        return elapsed;
    }

    /** The virtual deadline {@code nanos} from now, saturating at {@link Wait#NEVER}. */
    long after(long nanos) {
        long now = nanoTime();
        return nanos >= Wait.NEVER - now ? Wait.NEVER : now + nanos;
    }

    /** The virtual deadline of an absolute time in epoch milliseconds. */
    long atEpochMillis(long millis) {
        long fromNow = millis - currentTimeMillis();
        return fromNow <= 0 ? nanoTime() : after(fromNow > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE
                : fromNow * 1_000_000L);
    }

    boolean passed(long deadline) {
        return deadline != Wait.NEVER && nanoTime() >= deadline;
    }

    void advanceTo(long deadline) {
        if (deadline != Wait.NEVER && deadline > nanoTime()) {
            elapsed += deadline - nanoTime();
        }
    }
}
