package kata.grader.export;

import java.util.ArrayList;
import java.util.List;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.Visibility;
import kata.grader.scorecards.Points;

/**
 * A scorecard as a student may see it at a moment: only the checks that moment shows, with the
 * exercise and total scores, statuses and summaries recomputed from them, so that no name,
 * message, output, count or point of another check leaks through a total. Once grades are
 * published, the checks never shown count with their points and nothing else: folded per exercise
 * into one line of those that passed and one of those that did not (so that every line's points
 * follow its status, as platforms require). Every export meant for students renders this view.
 */
public final class StudentView {

    /** The ids of the lines that stand for the checks a student never sees. */
    public static final String OTHER_PASSED = "other-checks-passed";
    public static final String OTHER_NOT_PASSED = "other-checks-not-passed";

    private StudentView() {
    }

    public static Scorecard of(Scorecard card, Moment moment) {
        List<ExerciseResult> exercises = new ArrayList<>();
        for (ExerciseResult exercise : card.exercises()) {
            exercises.add(exercise(exercise, moment));
        }
        double score = exercises.stream().mapToDouble(ExerciseResult::score).sum();
        double max = exercises.stream().mapToDouble(ExerciseResult::maxScore).sum();
        return new Scorecard(card.schemaVersion(), card.grader(), card.submissionId(), card.student(),
                card.gradedAt(), card.environment(), score, max, exercises);
    }

    private static ExerciseResult exercise(ExerciseResult exercise, Moment moment) {
        List<CheckResult> shown = new ArrayList<>();
        double passedPoints = 0;
        double notPassedPoints = 0;
        for (CheckResult check : exercise.checks()) {
            if (moment.shows(check.visibility())) {
                // The picture of a schedule is for the instructor's report; the message tells the student.
                shown.add(check.withoutSchedule());
            } else if (moment.countsWithheldPoints() && check.visibility() == Visibility.HIDDEN) {
                if (check.status() == CheckStatus.PASSED) {
                    passedPoints += check.maxPoints();
                } else {
                    notPassedPoints += check.maxPoints();
                }
            }
        }
        if (passedPoints > 0) {
            shown.add(new CheckResult(OTHER_PASSED, "Other checks (not shown), passed", CheckKind.TEST,
                    Visibility.VISIBLE, CheckStatus.PASSED, passedPoints, passedPoints, "", 0, "", false, null));
        }
        if (notPassedPoints > 0) {
            shown.add(new CheckResult(OTHER_NOT_PASSED, "Other checks (not shown), not passed", CheckKind.TEST,
                    Visibility.VISIBLE, CheckStatus.FAILED, 0, notPassedPoints,
                    "Checks that are not shown did not pass.", 0, "", false, null));
        }
        double score = shown.stream().mapToDouble(CheckResult::points).sum();
        double max = shown.stream().mapToDouble(CheckResult::maxPoints).sum();
        if (exercise.status() == ExerciseStatus.ERROR || exercise.status() == ExerciseStatus.NOT_SUBMITTED) {
            // The reason (a compile error, nothing submitted) is about the student's own code.
            return new ExerciseResult(exercise.slug(), exercise.title(), exercise.status(), 0, max,
                    exercise.message(), exercise.durationMillis(), shown);
        }
        long passed = shown.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        ExerciseStatus status = passed == shown.size() ? ExerciseStatus.PASSED : ExerciseStatus.FAILED;
        String message = passed + " of " + shown.size() + " checks passed, " + Points.text(score) + " of "
                + Points.text(max) + " points.";
        return new ExerciseResult(exercise.slug(), exercise.title(), status, score, max, message,
                exercise.durationMillis(), shown);
    }
}
