package kata.pool;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Bounded waits for states that must come. A correct pool reaches each of them within microseconds;
 * the bound only decides how long a wrong one is given before its check fails. Never a wait for
 * time to pass: the condition is what the check waits for.
 */
final class Eventually {

    /** Generous on any machine, even one CPU shared with others; short enough for quick verdicts. */
    static final Duration MUST_COME = Duration.ofSeconds(5);

    private Eventually() {
    }

    /** True as soon as the condition holds; false if it did not within {@link #MUST_COME}. */
    static boolean holds(Callable<Boolean> condition) {
        try {
            // Polled in the test's own thread: a polling thread would count as a thread of the pool.
            // Uncaught exceptions of the pool's threads are the pool's business, not a failed wait.
            Awaitility.await()
                    .atMost(MUST_COME)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(5))
                    .dontCatchUncaughtExceptions()
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
