package kata.grader.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kata.grader.classresults.ClassResults;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.grader.scorecards.ScorecardJson;

/**
 * Gradescope's autograder {@code results.json}: one test per check, numbered
 * {@code <exercise>.<check>} so Gradescope groups them by exercise, each with its check's
 * visibility, which Gradescope applies as time passes. The top-level {@code output} is always
 * shown, so it names only what is visible before the due date. {@code out/<submission>/results.json},
 * or {@code out} for one scorecard.
 */
public final class Gradescope implements LmsExport {

    @Override
    public String name() {
        return "gradescope";
    }

    @Override
    public String description() {
        return "Gradescope results.json per submission (<out>/<id>/results.json, or <out> for one scorecard);"
                + " Gradescope applies each test's visibility";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        return new Written(Outputs.perSubmission(results, out, "/results.json", card -> render(card, options)),
                List.of());
    }

    static String render(Scorecard card, ExportOptions options) {
        ObjectNode root = Outputs.JSON.createObjectNode();
        root.put("score", card.score());
        root.put("execution_time", options.executionSeconds() != null ? options.executionSeconds()
                : Outputs.millis(card) / 1000.0);
        root.put("output", summary(StudentView.of(card, Moment.BEFORE_DUE_DATE)));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        ArrayNode tests = root.putArray("tests");
        int exerciseNumber = 0;
        for (ExerciseResult exercise : card.exercises()) {
            exerciseNumber++;
            int checkNumber = 0;
            for (CheckResult check : exercise.checks()) {
                checkNumber++;
                ObjectNode test = tests.addObject();
                test.put("name", exercise.title() + ": " + check.name());
                test.put("number", exerciseNumber + "." + checkNumber);
                test.put("score", check.points());
                test.put("max_score", check.maxPoints());
                test.put("status", check.status() == CheckStatus.PASSED ? "passed" : "failed");
                test.put("output", Outputs.messageAndOutput(check));
                test.put("visibility", check.visibility().name().toLowerCase(Locale.ROOT));
                test.putArray("tags").add(exercise.slug()).add(check.kind().name().toLowerCase(Locale.ROOT));
                test.putObject("extra_data").put("id", check.id())
                        .put("status", check.status().name().toLowerCase(Locale.ROOT))
                        .put("duration_millis", check.durationMillis());
            }
        }
        ObjectNode extra = root.putObject("extra_data");
        extra.put("submission_id", card.submissionId());
        extra.put("grader", card.grader().name() + " " + card.grader().version());
        extra.put("jdk", card.environment().jdk());
        extra.put("graded_at", ScorecardJson.format(card.gradedAt()));
        return Outputs.json(root);
    }

    /** Per exercise its visible score; for one that could not be graded, the whole reason (compile errors...). */
    private static String summary(Scorecard visible) {
        StringBuilder text = new StringBuilder("Visible checks (more may count once they are shown):\n")
                .append(Outputs.exerciseLines(visible));
        for (ExerciseResult exercise : visible.exercises()) {
            if (exercise.status() == ExerciseStatus.ERROR) {
                text.append('\n').append(exercise.title()).append(":\n").append(exercise.message()).append('\n');
            }
        }
        return text.toString();
    }
}
