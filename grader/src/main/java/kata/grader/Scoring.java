package kata.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.grader.score.CheckKind;
import kata.grader.score.CheckOutcome;
import kata.grader.score.CheckResult;
import kata.grader.score.CheckStatus;
import kata.grader.score.ExerciseResult;
import kata.grader.score.ExerciseStatus;

/**
 * Turns check outcomes into an exercise result. A check earns its points only when it passes.
 * Rules judge how working code is built, so they are skipped (0 points) while no test passes:
 * an untouched stub scores 0.
 */
final class Scoring {

    static final String RULES_WAIT = "Not graded yet: rules judge how working code is built, so they count"
            + " once at least one test of this exercise passes.";

    private Scoring() {
    }

    static ExerciseResult notSubmitted(TestBundle bundle) {
        List<CheckResult> checks = all(bundle, CheckStatus.SKIPPED, "Not submitted.");
        return new ExerciseResult(bundle.exercise().slug(), bundle.exercise().title(), ExerciseStatus.NOT_SUBMITTED,
                0, bundle.maxScore(), "Not submitted: no Java sources in " + bundle.exercise().slug()
                + "/src/main/java.", 0, checks);
    }

    static ExerciseResult error(TestBundle bundle, String message, long durationMillis) {
        List<CheckResult> checks = all(bundle, CheckStatus.ERROR, "Not run: " + firstLine(message));
        return new ExerciseResult(bundle.exercise().slug(), bundle.exercise().title(), ExerciseStatus.ERROR, 0,
                bundle.maxScore(), message, durationMillis, checks);
    }

    static ExerciseResult scored(TestBundle bundle, Map<String, CheckOutcome> outcomes, long durationMillis) {
        boolean anyTestPassed = bundle.tests().stream()
                .anyMatch(t -> outcomes.get(t.id()) != null && outcomes.get(t.id()).status() == CheckStatus.PASSED);
        List<CheckResult> checks = new ArrayList<>();
        for (CheckSpec spec : bundle.checks()) {
            CheckOutcome outcome = outcomes.get(spec.id());
            if (spec.kind() == CheckKind.RULE && !anyTestPassed) {
                outcome = CheckOutcome.of(CheckStatus.SKIPPED, RULES_WAIT);
            } else if (outcome == null) {
                outcome = CheckOutcome.of(CheckStatus.ERROR, "No result: the grader lost track of this check.");
            }
            checks.add(result(spec, outcome));
        }
        double score = checks.stream().mapToDouble(CheckResult::points).sum();
        long passed = checks.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        ExerciseStatus status = passed == checks.size() ? ExerciseStatus.PASSED : ExerciseStatus.FAILED;
        String message = passed + " of " + checks.size() + " checks passed, " + points(score) + " of "
                + points(bundle.maxScore()) + " points.";
        return new ExerciseResult(bundle.exercise().slug(), bundle.exercise().title(), status, score,
                bundle.maxScore(), message, durationMillis, checks);
    }

    private static List<CheckResult> all(TestBundle bundle, CheckStatus status, String message) {
        return bundle.checks().stream().map(spec -> result(spec, CheckOutcome.of(status, message))).toList();
    }

    private static CheckResult result(CheckSpec spec, CheckOutcome outcome) {
        double points = outcome.status() == CheckStatus.PASSED ? spec.points() : 0;
        return new CheckResult(spec.id(), spec.name(), spec.kind(), spec.visibility(), outcome.status(), points,
                spec.points(), outcome.message(), outcome.durationMillis(), outcome.output(),
                outcome.outputTruncated());
    }

    static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
