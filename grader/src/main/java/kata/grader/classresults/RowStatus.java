package kata.grader.classresults;

import java.util.Locale;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;

/** What became of one student of a class: the one set of words that the summary, report, progress and exports use. */
public enum RowStatus {
    /** Graded; the scorecard holds the verdicts (which may include a compile error). */
    GRADED("graded", "graded"),
    /** The archive was refused or damaged; its scorecard says why, with 0 points. */
    UNREADABLE("unreadable", "unreadable archive"),
    /** The grader itself failed on it; no scorecard, and the next run tries again. */
    GRADER_ERROR("error", "grader error"),
    /** On the roster, with no entry in the submissions. */
    NOT_SUBMITTED("not_submitted", "not submitted");

    private final String label;
    private final String words;

    RowStatus(String label, String words) {
        this.label = label;
        this.words = words;
    }

    /** As summary.json and summary.csv write it. */
    public String label() {
        return label;
    }

    /** As people read it: "unreadable archive". */
    public String words() {
        return words;
    }

    /** True when the student has no verdict on their code: the instructor has to act. */
    public boolean couldNotBeGraded() {
        return this == UNREADABLE || this == GRADER_ERROR;
    }

    /** How an unreadable archive's scorecard message begins: batch writes it, and a scorecard alone tells it by it. */
    public static final String UNREADABLE_PREFIX = "Your archive could not be read: ";

    /** The status of a scorecard read on its own (no summary beside it): graded, or an unreadable archive. */
    public static RowStatus of(Scorecard card) {
        boolean unreadable = !card.exercises().isEmpty() && card.exercises().stream()
                .allMatch(e -> e.status() == ExerciseStatus.ERROR && e.message().startsWith(UNREADABLE_PREFIX));
        return unreadable ? UNREADABLE : GRADED;
    }

    /** @throws IllegalArgumentException for a label this grader does not write */
    public static RowStatus parse(String label) {
        for (RowStatus status : values()) {
            if (status.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown student status '" + label + "'");
    }
}
