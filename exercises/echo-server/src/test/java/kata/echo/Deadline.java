package kata.echo;

import java.time.Duration;

/**
 * When a check stops waiting for something that must come (a reply, the end of a connection, the
 * end of stop()). On loopback a correct server answers within milliseconds; the deadline is only a
 * backstop, so that a wrong server fails a check instead of hanging it. Several waits of one check
 * share one deadline.
 */
record Deadline(long atNanos, Duration length) {

    static Deadline in(Duration length) {
        return new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** The time left, as a socket time-out: at least 1 ms (0 would mean "wait for ever"). */
    int socketTimeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    long seconds() {
        return length.toSeconds();
    }
}
