package kata.support.score;

/** How one exercise of a submission ended. */
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
