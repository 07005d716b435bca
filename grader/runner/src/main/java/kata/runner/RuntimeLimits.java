package kata.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

/**
 * Limits on what one check may use of the test JVM besides heap and time (which the JVM's
 * {@code -Xmx} and the {@link Watchdog}'s deadline bound): live threads and printed output. A
 * thread bomb or a flood of output would otherwise slow or starve the machine long before the
 * check's time runs out. The {@link Watchdog} asks while a check runs and when it ends; going
 * over a limit ends the JVM, reported as what it was.
 */
final class RuntimeLimits {

    static final int MAX_THREADS = 500;
    static final long MAX_OUTPUT_BYTES = 1024 * 1024;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OutputCapture capture;
    /** Threads of the runner, JUnit and the JVM itself, not the student's. */
    private final int ownThreads;
    /** Idle threads that earlier checks left behind ({@link Leftovers}): not the running check's. */
    private volatile int kept;

    RuntimeLimits(OutputCapture capture) {
        this.capture = capture;
        this.ownThreads = threads.getThreadCount();
    }

    /** Counts these threads, left idle by the checks so far, as none of the next check's. */
    void keep(int threads) {
        kept += threads;
    }

    /** The idle threads kept so far. */
    int kept() {
        return kept;
    }

    /** What the running check exceeded, in words for the student; empty while within limits. */
    Optional<String> exceeded() {
        if (threads.getThreadCount() - ownThreads - kept > MAX_THREADS) {
            return Optional.of("Your code created more than " + MAX_THREADS + " threads, so the grader stopped it."
                    + " Threads are expensive: use a bounded pool (Executors.newFixedThreadPool) and let"
                    + " threads end when their work is done.");
        }
        if (capture.printedSinceTake() > MAX_OUTPUT_BYTES) {
            return Optional.of("Your code printed more than " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MB, so the"
                    + " grader stopped it. Print a summary, not every step.");
        }
        return Optional.empty();
    }
}
