package kata.support.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scoring;

/**
 * What a student reads after {@code mvn verify}, in this order: what each check that did not pass
 * observed (each message once), then the table, then the one next step. The table comes last so
 * that it is what the terminal shows when the build ends.
 */
final class Report {

    private Report() {
    }

    /** One kata: its problems, its table, and where to start. */
    static String kata(ExerciseResult result, Double hiddenPoints) {
        StringBuilder text = new StringBuilder();
        if (result.status() == ExerciseStatus.ERROR) {
            // The message's first line says what went wrong, the rest (a compiler error, say) shows where.
            List<String> lines = result.message().strip().lines().toList();
            text.append('\n').append(result.slug()).append(": ").append(lines.get(0)).append('\n')
                    .append(indent(String.join("\n", lines.subList(1, lines.size()))));
        } else {
            // Checks that observed the same thing (a stub every check calls, say) share one message.
            Map<String, List<CheckResult>> byMessage = new LinkedHashMap<>();
            for (CheckResult check : result.checks()) {
                if (check.status() == CheckStatus.FAILED || check.status() == CheckStatus.ERROR) {
                    byMessage.computeIfAbsent(check.message(), m -> new ArrayList<>()).add(check);
                }
            }
            byMessage.forEach((message, checks) -> {
                CheckResult first = checks.get(0);
                text.append('\n').append(result.slug()).append(", ").append(first.id()).append(": ")
                        .append(first.name()).append('\n').append(indent(message));
                if (checks.size() > 1) {
                    text.append(indent("The same for " + String.join(", ",
                            checks.subList(1, checks.size()).stream().map(CheckResult::id).toList()) + "."));
                }
            });
        }
        text.append('\n').append(result.title()).append(" (").append(result.slug()).append("): ")
                .append(headline(result)).append(hidden(hiddenPoints)).append('\n');
        int width = result.checks().stream().mapToInt(c -> c.id().length()).max().orElse(1);
        for (CheckResult check : result.checks()) {
            text.append(String.format(Locale.ROOT, "  %-5s %-" + width + "s %7s  %s%n", mark(check), check.id(),
                    Scoring.points(check.points()) + "/" + Scoring.points(check.maxPoints()), check.name()));
        }
        if (result.checks().stream().anyMatch(Report::waiting)) {
            text.append("  wait: ").append(Scoring.RULES_WAIT).append('\n');
        }
        return text.append(startWith(result).map(step -> "Start with " + step).orElse(
                "Every public check of " + result.slug() + " passes.")).append('\n').toString();
    }

    /**
     * One kata in the summary of all katas.
     *
     * @param result        its result in this build
     * @param hiddenPoints  what its hidden checks are worth, or null when unknown
     * @param reportedAbove true when its own report was printed earlier in this build
     */
    record Row(ExerciseResult result, Double hiddenPoints, boolean reportedAbove) {
    }

    /** All katas: one row each, the total, and the one next step. */
    static String summary(List<Row> rows, String scorecard) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nYour katas: public checks (hidden checks are graded later by your instructor)%n"
                        + "  %-22s %7s %9s %7s  %s%n", "kata", "checks", "points", "hidden", "status"));
        double score = 0;
        double max = 0;
        for (Row row : rows) {
            ExerciseResult kata = row.result();
            score += kata.score();
            max += kata.maxScore();
            long passed = kata.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            String status = switch (kata.status()) {
                case PASSED -> "done";
                case ERROR -> "could not run";
                default -> firstProblem(kata).map(check -> "start with " + check.id()).orElse("");
            };
            text.append(String.format(Locale.ROOT, "  %-22s %7s %9s %7s  %s%n", kata.slug(),
                    passed + "/" + kata.checks().size(),
                    Scoring.points(kata.score()) + "/" + Scoring.points(kata.maxScore()),
                    row.hiddenPoints() == null ? "" : Scoring.points(row.hiddenPoints()), status));
        }
        text.append(String.format(Locale.ROOT, "  %-22s %7s %9s  %s%n", "total", "",
                Scoring.points(score) + "/" + Scoring.points(max), "(scorecard: " + scorecard + ")"));
        return text.append(rows.stream().filter(row -> row.result().status() != ExerciseStatus.PASSED).findFirst()
                .map(Report::next).orElse("Next: every public check passes. Push your code: your instructor's"
                        + " grader also runs the hidden checks.")).append('\n').toString();
    }

    private static String next(Row row) {
        ExerciseResult kata = row.result();
        if (kata.status() == ExerciseStatus.ERROR && !row.reportedAbove()) {
            return "Next: " + kata.slug() + ": " + kata.message().strip();
        }
        return "Next: " + kata.slug() + ", start with " + startWith(kata).orElse("");
    }

    /** The first thing to fix: a kata's error, else its first check that did not pass (in reading order). */
    private static Optional<String> startWith(ExerciseResult result) {
        if (result.status() == ExerciseStatus.ERROR) {
            return Optional.of("the problem above, under \"" + result.slug() + "\".");
        }
        return firstProblem(result)
                .map(c -> c.id() + ": what it observed is above, under \"" + result.slug() + ", " + c.id() + "\".");
    }

    private static Optional<CheckResult> firstProblem(ExerciseResult result) {
        return result.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR).findFirst();
    }

    /** A rule skipped by the policy until a test passes. */
    private static boolean waiting(CheckResult check) {
        return check.status() == CheckStatus.SKIPPED && check.kind() == CheckKind.RULE;
    }

    private static String headline(ExerciseResult result) {
        long passed = result.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        String points = Scoring.points(result.score()) + " of " + Scoring.points(result.maxScore()) + " points.";
        return result.status() == ExerciseStatus.ERROR ? points + " Its checks could not run."
                : passed + " of " + result.checks().size() + " public checks passed, " + points;
    }

    private static String hidden(Double points) {
        return points == null ? " Hidden checks, if any, are graded later by your instructor."
                : points == 0 ? "" : " Hidden checks worth " + Scoring.points(points)
                + " more points are graded later by your instructor.";
    }

    private static String mark(CheckResult check) {
        return switch (check.status()) {
            case PASSED -> "ok";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> waiting(check) ? "wait" : "skip";
        };
    }

    private static String indent(String message) {
        StringBuilder text = new StringBuilder();
        message.stripTrailing().lines().dropWhile(String::isBlank)
                .forEach(line -> text.append("    ").append(line).append('\n'));
        return text.toString();
    }
}
