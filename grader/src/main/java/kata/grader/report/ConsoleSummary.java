package kata.grader.report;

import java.util.List;
import java.util.Locale;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.grader.scorecards.Points;
import kata.support.score.Scoring;

/** A scorecard as plain text for a terminal: per exercise, its score and what did not pass. */
public final class ConsoleSummary {

    private static final int MESSAGE_LINES = 3;
    /** Characters of a message's line shown in a terminal (the scorecard keeps more). */
    private static final int LINE_WIDTH = 300;

    private ConsoleSummary() {
    }

    public static String render(Scorecard scorecard) {
        StringBuilder text = new StringBuilder();
        text.append(scorecard.submissionId()).append(": ").append(Points.text(scorecard.score())).append(" / ")
                .append(Points.text(scorecard.maxScore())).append(" points\n");
        for (ExerciseResult exercise : scorecard.exercises()) {
            text.append(String.format(Locale.ROOT, "  %-22s %-13s %6s / %-4s %s%n", exercise.slug(),
                    exercise.status().name().toLowerCase(Locale.ROOT), Points.text(exercise.score()),
                    Points.text(exercise.maxScore()), Scoring.firstLine(exercise.message())));
            for (CheckResult check : exercise.checks()) {
                if (check.status() == CheckStatus.PASSED
                        || exercise.status() == kata.support.score.ExerciseStatus.NOT_SUBMITTED
                        || exercise.status() == kata.support.score.ExerciseStatus.ERROR) {
                    continue;
                }
                text.append(String.format(Locale.ROOT, "      %-7s %-28s %s%n",
                        check.status().name().toLowerCase(Locale.ROOT), check.id(),
                        indent(firstLines(check.message()))));
            }
            if (exercise.status() == kata.support.score.ExerciseStatus.ERROR) {
                String rest = exercise.message().lines().skip(1).collect(java.util.stream.Collectors.joining("\n"));
                if (!rest.isBlank()) {
                    text.append("      ").append(rest.replace("\n", "\n      ")).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** One line per scorecard, for a table of many. */
    public static String line(Scorecard scorecard) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-22s %6s / %-4s", scorecard.submissionId(),
                Points.text(scorecard.score()), Points.text(scorecard.maxScore())));
        for (ExerciseResult exercise : scorecard.exercises()) {
            text.append("  ").append(exercise.slug()).append(' ').append(Points.text(exercise.score())).append('/')
                    .append(Points.text(exercise.maxScore()));
        }
        return text.toString();
    }

    private static String firstLines(String text) {
        List<String> lines = text.lines().limit(MESSAGE_LINES)
                .map(line -> line.length() > LINE_WIDTH ? line.substring(0, LINE_WIDTH) + " ..." : line).toList();
        String shown = String.join("\n", lines);
        return text.lines().count() > MESSAGE_LINES ? shown + "\n..." : shown;
    }

    private static String indent(String text) {
        return text.replace("\n", "\n" + " ".repeat(44));
    }
}
