package kata.support.score;

import kata.support.PublicApi;

/** How one check ended. */
@PublicApi
public enum CheckStatus {
    /** The code did what the check requires. */
    PASSED,
    /** The check ran and the code did not do what it requires (wrong result, hang, deadlock...). */
    FAILED,
    /** The check could not reach a verdict: the code does not compile, the test JVM died, ... */
    ERROR,
    /** The check was not run, e.g. rules while no test passes yet. */
    SKIPPED
}
