package kata.grader.classresults;

import java.util.List;

/**
 * How many students a class has and what became of them. Every student is in exactly one of
 * graded, not submitted and could not be graded.
 *
 * @param students         rows of the class
 * @param graded           with verdicts
 * @param notSubmitted     on the roster, nothing submitted
 * @param unreadable       archives that could not be read
 * @param graderErrors     entries the grader failed on
 * @param notInRoster      entries without a roster row (also counted above)
 */
public record Counts(int students, int graded, int notSubmitted, int unreadable, int graderErrors, int notInRoster) {

    static Counts of(List<StudentRow> rows) {
        return new Counts(rows.size(), count(rows, RowStatus.GRADED), count(rows, RowStatus.NOT_SUBMITTED),
                count(rows, RowStatus.UNREADABLE), count(rows, RowStatus.GRADER_ERROR),
                (int) rows.stream().filter(StudentRow::notInRoster).count());
    }

    private static int count(List<StudentRow> rows, RowStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }

    public int couldNotBeGraded() {
        return unreadable + graderErrors;
    }

    /** "10 students: 8 graded, 1 not submitted, 1 could not be graded (1 unreadable archive)." */
    public String sentence() {
        StringBuilder text = new StringBuilder().append(students).append(students == 1 ? " student: " : " students: ")
                .append(graded).append(" graded, ").append(notSubmitted).append(" not submitted, ")
                .append(couldNotBeGraded()).append(" could not be graded");
        if (couldNotBeGraded() > 0) {
            text.append(" (");
            if (unreadable > 0) {
                text.append(unreadable).append(' ').append(RowStatus.UNREADABLE.words()).append(unreadable == 1 ? "" : "s");
            }
            if (graderErrors > 0) {
                text.append(unreadable > 0 ? ", " : "").append(graderErrors).append(' ')
                        .append(RowStatus.GRADER_ERROR.words()).append(graderErrors == 1 ? "" : "s");
            }
            text.append(')');
        }
        text.append('.');
        if (notInRoster > 0) {
            text.append(' ').append(notInRoster).append(notInRoster == 1 ? " entry is" : " entries are")
                    .append(" not in the roster.");
        }
        return text.toString();
    }
}
