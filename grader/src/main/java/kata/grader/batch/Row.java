package kata.grader.batch;

import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * One student in a class summary.
 *
 * @param entry   the submission's name; for a student who submitted nothing, the roster's entry
 * @param student from the roster; null when the entry has no roster row
 * @param status  what became of it
 * @param note    for the instructor: why it could not be graded, "not in the roster"...; may be empty
 * @param card    the scorecard; null when there is none (not submitted, or grading failed)
 */
public record Row(String entry, Student student, Status status, String note, Scorecard card) {

    /** What became of a roster row or an entry. */
    public enum Status {
        /** Graded; the scorecard holds the verdicts (which may include a compile error). */
        GRADED,
        /** The archive was refused or damaged; its scorecard says why, with 0 points. */
        UNREADABLE,
        /** The grader itself failed on it; no scorecard, and the next run tries again. */
        ERROR,
        /** On the roster, with no entry in the submissions. */
        NOT_SUBMITTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Counted as a failure on the progress line: no verdict for at least one exercise. */
    public boolean failed() {
        return status == Status.UNREADABLE || status == Status.ERROR || card != null && card.exercises().stream()
                .anyMatch(e -> e.status() == kata.support.score.ExerciseStatus.ERROR);
    }
}
