package kata.grader.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import kata.grader.classresults.ClassResults;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;

/**
 * PrairieLearn's external grader {@code results.json}: {@code gradable}, {@code score} (0 to 1),
 * {@code message}, {@code output}, and one test per check with its points. A submission where no
 * check could run (nothing compiled, an unreadable archive) is not gradable, so PrairieLearn does
 * not count it as an attempt. Only the checks the moment shows are in it.
 */
public final class PrairieLearn implements LmsExport {

    @Override
    public String name() {
        return "prairielearn";
    }

    @Override
    public String description() {
        return "PrairieLearn external grader results.json per submission (<out>/<id>/results.json, or <out> for one)";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        return new Written(Outputs.perSubmission(results, out, "/results.json",
                card -> render(StudentView.of(card, options.moment()))), List.of());
    }

    static String render(Scorecard card) {
        ObjectNode root = Outputs.JSON.createObjectNode();
        boolean gradable = card.exercises().stream().anyMatch(e -> e.status() == ExerciseStatus.PASSED
                || e.status() == ExerciseStatus.FAILED);
        root.put("gradable", gradable);
        root.put("score", card.maxScore() > 0 ? card.score() / card.maxScore() : 0);
        root.put("message", gradable ? card.exercises().stream().filter(e -> e.status() != ExerciseStatus.NOT_SUBMITTED)
                .count() + " katas graded." : "No check could run: see the output.");
        StringBuilder output = new StringBuilder(Outputs.exerciseLines(card));
        for (ExerciseResult exercise : card.exercises()) {
            if (exercise.status() == ExerciseStatus.ERROR) {
                output.append('\n').append(exercise.title()).append(":\n").append(exercise.message()).append('\n');
            }
        }
        root.put("output", output.toString());
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : card.exercises()) {
            for (CheckResult check : exercise.checks()) {
                ObjectNode test = tests.addObject();
                test.put("name", exercise.title() + ": " + check.name());
                test.put("description", exercise.slug() + "/" + check.id());
                test.put("points", check.points());
                test.put("max_points", check.maxPoints());
                test.put("message", check.message() == null ? "" : check.message());
                test.put("output", check.output() == null ? "" : check.output());
            }
        }
        return Outputs.json(root);
    }
}
