package kata.support.score;

import java.util.List;
import kata.support.PublicApi;

/**
 * One exercise in a scorecard.
 *
 * @param slug           the exercise's folder name, e.g. {@code fix-the-race}
 * @param title          its title
 * @param status         how grading it ended
 * @param score          points earned
 * @param maxScore       points possible
 * @param message        a summary for the student
 * @param durationMillis wall time spent grading it
 * @param checks         every check, in the order students read them
 */
@PublicApi
public record ExerciseResult(String slug, String title, ExerciseStatus status, double score, double maxScore,
                             String message, long durationMillis, List<CheckResult> checks) {

    public ExerciseResult {
        checks = List.copyOf(checks);
    }
}
