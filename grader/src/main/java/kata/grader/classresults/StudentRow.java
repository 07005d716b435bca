package kata.grader.classresults;

import java.util.List;
import java.util.Set;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * One student of a class.
 *
 * @param entry     the submission's name; for a student who submitted nothing, the roster's entry
 * @param student   from the roster; null when the entry has no roster row
 * @param status    what became of it
 * @param note      for the instructor: why it could not be graded, "not in the roster"...; may be empty
 * @param card      the scorecard; null when there is none (not submitted, or grading failed)
 * @param untouched the katas whose submitted sources are the stub's, unchanged
 */
public record StudentRow(String entry, Student student, RowStatus status, String note, Scorecard card,
                         Set<String> untouched) {

    /** The roster's columns, in the order summary.csv writes them. */
    public static final List<String> IDENTITY_COLUMNS = List.of("entry", "name", "email", "login", "lms_user_id",
            "sis_user_id", "section");

    /** What a roster row's note starts with when the entry has no roster row. */
    public static final String NOT_IN_ROSTER = "not in the roster";

    public StudentRow {
        note = note == null ? "" : note;
        untouched = Set.copyOf(untouched);
    }

    public StudentRow(String entry, Student student, RowStatus status, String note, Scorecard card) {
        this(entry, student, status, note, card, Set.of());
    }

    public StudentRow withUntouched(Set<String> katas) {
        return new StudentRow(entry, student, status, note, card, katas);
    }

    /** The roster's name, else the entry. */
    public String displayName() {
        return student != null && student.name() != null && !student.name().isBlank() ? student.name() : entry;
    }

    /** The roster's section; empty when none. */
    public String section() {
        return student == null || student.section() == null ? "" : student.section();
    }

    public boolean notInRoster() {
        return note.startsWith(NOT_IN_ROSTER);
    }

    public double total() {
        return card == null ? 0 : card.score();
    }

    public KataCell cell(KataColumn kata) {
        if (card == null) {
            KataOutcome outcome = status == RowStatus.NOT_SUBMITTED ? KataOutcome.NOT_SUBMITTED : KataOutcome.NOT_GRADED;
            return new KataCell(outcome, 0, kata.max(), null);
        }
        for (ExerciseResult exercise : card.exercises()) {
            if (exercise.slug().equals(kata.slug())) {
                if (status != RowStatus.GRADED) {
                    return new KataCell(KataOutcome.NOT_GRADED, 0, exercise.maxScore(), exercise);
                }
                return new KataCell(KataOutcome.of(exercise, untouched.contains(kata.slug())), exercise.score(),
                        exercise.maxScore(), exercise);
            }
        }
        return new KataCell(KataOutcome.NOT_SUBMITTED, 0, kata.max(), null);
    }
}
