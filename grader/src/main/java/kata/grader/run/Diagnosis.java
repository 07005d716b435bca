package kata.grader.run;

import kata.protocol.ExitStatus;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;

/** What to tell the student when the test JVM ended during a check, or before running any. */
final class Diagnosis {

    private final int heapMegabytes;

    Diagnosis(int heapMegabytes) {
        this.heapMegabytes = heapMegabytes;
    }

    /**
     * The outcome of the check that was running when the JVM ended.
     *
     * @param stopped        why the grader stopped the JVM, or null when it ended by itself
     * @param exiting        the check during which the JVM began to shut down, or null
     * @param memoryLimitHit whether the control group's memory limit stopped it
     */
    CheckOutcome interrupted(String check, String stopped, int exit, String exiting, StrayOutput stray,
                             boolean memoryLimitHit) {
        if (stopped != null) {
            return CheckOutcome.of(CheckStatus.FAILED, stopped);
        }
        if (stray.text().contains("OutOfMemoryError")) {
            return CheckOutcome.of(CheckStatus.FAILED, "Your code ran out of memory (the test JVM may use "
                    + heapMegabytes + " MB of heap). Look for data that grows"
                    + " without bound, or threads that are never released.");
        }
        if (memoryLimitHit) {
            return CheckOutcome.of(CheckStatus.FAILED, "Your code used more memory than the test JVM may use in all ("
                    + ControlGroups.memoryFor(heapMegabytes) / (1024 * 1024) + " MB: " + heapMegabytes
                    + " MB of heap, the rest for threads, direct buffers and the JVM itself), and the system stopped"
                    + " it. Look for threads that are never released, or data that grows without bound.");
        }
        if (check.equals(exiting)) {
            return CheckOutcome.of(CheckStatus.ERROR, "Your code ended the test JVM during this check (System.exit("
                    + exit + ")). Never call System.exit in a library: return or throw instead.");
        }
        if (exit == ExitStatus.TIMED_OUT) {
            return CheckOutcome.of(CheckStatus.FAILED, "Did not finish within its time limit.");
        }
        return CheckOutcome.of(CheckStatus.ERROR, "The test JVM stopped abruptly during this check (exit status "
                + exit + "; Runtime.halt or a crash)" + stray.lastLines());
    }

    /** Why no check has a result, should the JVM have ended before any. */
    static String startFailure(int exit, StrayOutput stray) {
        return "The test JVM ended before running any check (exit status " + exit + ")" + stray.lastLines();
    }
}
