package kata.support.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kata.support.PublicApi;

/**
 * The scoring policy, the same for the grader and for the student's own run: a check earns its
 * points only when it passes, and rules wait until a test passes.
 */
@PublicApi
public final class Scoring {

    /**
     * Why rules are skipped while no test of the exercise passes: they judge how working code is
     * built, so an untouched stub scores 0.
     */
    public static final String RULES_WAIT = "Not graded yet: rules judge how working code is built, so they count"
            + " once at least one test of this exercise passes.";

    private Scoring() {
    }

    /**
     * Scores an exercise whose checks ran. A check without an outcome is an error: it should have
     * run and did not report.
     */
    public static ExerciseResult scored(String slug, String title, List<? extends CheckDefinition> checks,
                                        Map<String, CheckOutcome> outcomes, long durationMillis) {
        boolean anyTestPassed = checks.stream().anyMatch(check -> check.kind() == CheckKind.TEST
                && outcomes.get(check.id()) != null && outcomes.get(check.id()).status() == CheckStatus.PASSED);
        List<CheckResult> results = new ArrayList<>();
        for (CheckDefinition check : checks) {
            CheckOutcome outcome = outcomes.get(check.id());
            if (check.kind() == CheckKind.RULE && !anyTestPassed) {
                outcome = CheckOutcome.of(CheckStatus.SKIPPED, RULES_WAIT);
            } else if (outcome == null) {
                outcome = CheckOutcome.of(CheckStatus.ERROR, "No result: this check did not report one.");
            }
            results.add(result(check, outcome));
        }
        double score = results.stream().mapToDouble(CheckResult::points).sum();
        long passed = results.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        ExerciseStatus status = passed == results.size() ? ExerciseStatus.PASSED : ExerciseStatus.FAILED;
        String message = passed + " of " + results.size() + " checks passed, " + points(score) + " of "
                + points(maxScore(checks)) + " points.";
        return new ExerciseResult(slug, title, status, score, maxScore(checks), message, durationMillis, results);
    }

    /**
     * An exercise that could not be graded (it does not compile, it broke a safety rule, ...): 0
     * points, every check an error with the first line of the message, the maximum unchanged.
     */
    public static ExerciseResult error(String slug, String title, List<? extends CheckDefinition> checks,
                                       String message, long durationMillis) {
        return new ExerciseResult(slug, title, ExerciseStatus.ERROR, 0, maxScore(checks), message, durationMillis,
                all(checks, CheckStatus.ERROR, "Not run: " + firstLine(message)));
    }

    /** An exercise with no sources: 0 points, every check skipped, the maximum unchanged. */
    public static ExerciseResult notSubmitted(String slug, String title, List<? extends CheckDefinition> checks) {
        return notSubmitted(slug, title, checks, "no Java sources in " + slug + "/src/main/java.");
    }

    /** As {@link #notSubmitted(String, String, List)}, saying why no sources were found. */
    public static ExerciseResult notSubmitted(String slug, String title, List<? extends CheckDefinition> checks,
                                              String why) {
        return new ExerciseResult(slug, title, ExerciseStatus.NOT_SUBMITTED, 0, maxScore(checks),
                "Not submitted: " + why, 0, all(checks, CheckStatus.SKIPPED, "Not submitted."));
    }

    /**
     * Points as people and gradebooks write them: 3, 2.5, 0.33 (two decimals at most, rounded half
     * up). The one rule for every rendering, the student's and the grader's.
     */
    public static String points(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /**
     * The first line of a message, empty for null: what one-line renderings of a scorecard (the
     * grader's exports and summaries, and this policy's own "Not run: ...") show of it.
     */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static double maxScore(List<? extends CheckDefinition> checks) {
        return checks.stream().mapToDouble(CheckDefinition::points).sum();
    }

    private static List<CheckResult> all(List<? extends CheckDefinition> checks, CheckStatus status, String message) {
        return checks.stream().map(check -> result(check, CheckOutcome.of(status, message))).toList();
    }

    private static CheckResult result(CheckDefinition check, CheckOutcome outcome) {
        double points = outcome.status() == CheckStatus.PASSED ? check.points() : 0;
        return new CheckResult(check.id(), check.name(), check.kind(), check.visibility(), outcome.status(), points,
                check.points(), outcome.message(), outcome.durationMillis(), outcome.output(),
                outcome.outputTruncated(), outcome.schedule());
    }
}
