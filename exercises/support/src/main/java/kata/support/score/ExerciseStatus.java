package kata.support.score;

import kata.support.PublicApi;

/** How one exercise of a submission ended. */
@PublicApi
public enum ExerciseStatus {
    /** Every check passed. */
    PASSED,
    /** At least one check did not pass. */
    FAILED,
    /** The exercise could not be graded normally, e.g. it does not compile. */
    ERROR,
    /** The submission has no sources for this exercise. */
    NOT_SUBMITTED
}
