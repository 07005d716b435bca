package kata.grader.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import kata.grader.classresults.ClassResults;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;

/**
 * The GitHub Classroom grading reporter's result: {@code {"version":1,"status","max_score","tests":[...]}}.
 * The workflow step sets its output {@code result} to the base64 of this file, and the reporter
 * reads it from {@code <STEP_ID>_RESULTS}. Each test's score follows its status (pass: all its
 * points, otherwise 0). The student reads it in their own repository: only the checks the moment
 * shows are in it.
 */
public final class GithubClassroom implements LmsExport {

    @Override
    public String name() {
        return "github-classroom";
    }

    @Override
    public String description() {
        return "GitHub Classroom grading-reporter result JSON per submission (<out>/<id>.json, or <out> for one)";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        return new Written(Outputs.perSubmission(results, out, ".json",
                card -> render(StudentView.of(card, options.moment()))), List.of());
    }

    static String render(Scorecard card) {
        ObjectNode root = Outputs.JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", status(card));
        root.put("max_score", card.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : card.exercises()) {
            for (CheckResult check : exercise.checks()) {
                ObjectNode test = tests.addObject();
                test.put("name", exercise.title() + ": " + check.name());
                test.put("status", switch (check.status()) {
                    case PASSED -> "pass";
                    case ERROR -> "error";
                    case FAILED, SKIPPED -> "fail";
                });
                test.put("score", check.status() == CheckStatus.PASSED ? check.maxPoints() : 0);
                test.put("message", Outputs.messageAndOutput(check));
                test.put("test_code", exercise.slug() + "/" + check.id());
                test.put("filename", "");
                test.put("line_no", 0);
                test.put("duration", check.durationMillis());
            }
        }
        return Outputs.json(root);
    }

    /** pass when every check passed, error when no exercise could be graded at all, else fail. */
    private static String status(Scorecard card) {
        boolean allPassed = card.exercises().stream().allMatch(e -> e.status() == ExerciseStatus.PASSED);
        boolean noneGraded = card.exercises().stream().allMatch(e -> e.status() == ExerciseStatus.ERROR);
        return allPassed ? "pass" : noneGraded ? "error" : "fail";
    }
}
