package kata.support.report;

import java.util.List;
import java.util.Locale;

/** The text a student reads after {@code mvn verify}: one line per check, and where to start. */
final class Table {

    private Table() {
    }

    static String kata(Kata kata, List<CheckOutcome> outcomes) {
        StringBuilder text = new StringBuilder("\n").append(kata.title()).append(" (").append(kata.slug())
                .append("): ").append(summaryLine(kata, outcomes)).append('\n');
        for (CheckOutcome outcome : outcomes) {
            String mark = outcome.passed() ? "ok" : StudentScorecard.RULES_WAIT.equals(outcome.message()) ? "wait" : "FAIL";
            text.append(String.format(Locale.ROOT, "  %-4s %-24s %5s  %s%n", mark,
                    outcome.graded().id(), number(outcome.passed() ? outcome.graded().points() : 0) + "/"
                            + number(outcome.graded().points()), outcome.name()));
        }
        outcomes.stream().filter(o -> !o.passed() && !o.rule()).findFirst().ifPresent(first -> text.append("Start with ")
                .append(first.graded().id()).append(": ")
                .append(first.message().lines().findFirst().orElse("")).append('\n'));
        return text.toString();
    }

    static String summaryLine(Kata kata, List<CheckOutcome> outcomes) {
        long passed = outcomes.stream().filter(CheckOutcome::passed).count();
        double points = outcomes.stream().filter(CheckOutcome::passed).mapToDouble(o -> o.graded().points()).sum();
        double max = outcomes.stream().mapToDouble(o -> o.graded().points()).sum();
        String hidden = kata.hiddenPoints() == null ? " Hidden checks, if any, are graded later by your instructor."
                : " Hidden checks worth " + number(kata.hiddenPoints()) + " more points are graded later by your"
                + " instructor.";
        return passed + " of " + outcomes.size() + " public checks passed, " + number(points) + " of "
                + number(max) + " points." + hidden;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
