package kata.grader.classresults;

import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;

/**
 * What one student did with one kata, as the class view shows it: an icon and words beside the
 * points. The scorecard says only "error" for an exercise that could not run; why is told by the
 * first words of its message, which this class alone reads.
 */
public enum KataOutcome {
    FULL_MARKS("full marks", "✓"),
    PARTIAL("some checks pass", ""),
    ZERO("no check passes", ""),
    TIMED_OUT("timed out", "◷"),
    DOES_NOT_COMPILE("does not compile", "✗"),
    UNSAFE_CODE("unsafe code", "⚠"),
    UNTOUCHED("stub not changed", "∅"),
    NOT_SUBMITTED("not submitted", "–"),
    NOT_GRADED("not graded", "?");

    static final String DOES_NOT_COMPILE_PREFIX = "Your code does not compile";
    static final String UNSAFE_PREFIX = "None of your code was run";
    private static final String[] TIMED_OUT_PREFIXES = {"Did not finish within", "Stopped: the exercise's time limit"};

    private final String words;
    private final String icon;

    KataOutcome(String words, String icon) {
        this.words = words;
        this.icon = icon;
    }

    public String words() {
        return words;
    }

    /** One character for the grid (from the shapes every font has, not emoji); empty when the points say it all. */
    public String icon() {
        return icon;
    }

    /** A real attempt: the student changed the stub (whether it compiles or not). */
    public boolean attempted() {
        return this != UNTOUCHED && this != NOT_SUBMITTED && this != NOT_GRADED;
    }

    /** An attempt whose checks ran, so that their messages say something about the code. */
    public boolean checksRan() {
        return this == FULL_MARKS || this == PARTIAL || this == ZERO || this == TIMED_OUT;
    }

    /**
     * @param untouched true when the submitted sources are the stub's, unchanged
     */
    static KataOutcome of(ExerciseResult exercise, boolean untouched) {
        if (exercise.status() == ExerciseStatus.NOT_SUBMITTED) {
            return NOT_SUBMITTED;
        }
        if (untouched) {
            return UNTOUCHED;
        }
        if (exercise.status() == ExerciseStatus.ERROR) {
            String message = exercise.message() == null ? "" : exercise.message();
            if (message.startsWith(DOES_NOT_COMPILE_PREFIX)) {
                return DOES_NOT_COMPILE;
            }
            return message.startsWith(UNSAFE_PREFIX) ? UNSAFE_CODE : NOT_GRADED;
        }
        if (exercise.checks().stream().anyMatch(KataOutcome::timedOut)) {
            return TIMED_OUT;
        }
        if (exercise.score() >= exercise.maxScore() && exercise.maxScore() > 0) {
            return FULL_MARKS;
        }
        return exercise.score() > 0 ? PARTIAL : ZERO;
    }

    private static boolean timedOut(CheckResult check) {
        String message = check.message() == null ? "" : check.message();
        for (String prefix : TIMED_OUT_PREFIXES) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
