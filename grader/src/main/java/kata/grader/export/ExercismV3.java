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
 * Exercism's test runner interface, version 3: {@code {"version":3,"status","message","tests":[...]}}
 * with one test per check, in the course's order, each tied to its kata as a task ({@code task_id}
 * counts the katas from 1). {@code status} is {@code error} only when no check could run (nothing
 * compiled), with the reason in {@code message}; what the student's code printed is cut at 500
 * characters. Only the checks the moment shows are in it.
 */
public final class ExercismV3 implements LmsExport {

    static final int OUTPUT_LIMIT = 500;
    static final int MESSAGE_LIMIT = 65_535;

    @Override
    public String name() {
        return "exercism";
    }

    @Override
    public String description() {
        return "Exercism test runner results.json (version 3) per submission (<out>/<id>.json, or <out> for one)";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        return new Written(Outputs.perSubmission(results, out, ".json",
                card -> render(StudentView.of(card, options.moment()))), List.of());
    }

    static String render(Scorecard card) {
        ObjectNode root = Outputs.JSON.createObjectNode();
        root.put("version", 3);
        boolean nothingRan = card.exercises().stream().allMatch(e -> e.status() != ExerciseStatus.PASSED
                && e.status() != ExerciseStatus.FAILED);
        boolean allPassed = card.exercises().stream().allMatch(e -> e.status() == ExerciseStatus.PASSED);
        root.put("status", nothingRan ? "error" : allPassed ? "pass" : "fail");
        if (nothingRan) {
            StringBuilder message = new StringBuilder();
            for (ExerciseResult exercise : card.exercises()) {
                message.append(exercise.title()).append(": ").append(exercise.message()).append('\n');
            }
            root.put("message", cut(message.toString().strip(), MESSAGE_LIMIT));
            return Outputs.json(root);
        }
        root.putNull("message");
        ArrayNode tests = root.putArray("tests");
        int task = 0;
        for (ExerciseResult exercise : card.exercises()) {
            task++;
            for (CheckResult check : exercise.checks()) {
                ObjectNode test = tests.addObject();
                test.put("name", exercise.title() + ": " + check.name());
                test.put("test_code", exercise.slug() + "/" + check.id());
                test.put("status", switch (check.status()) {
                    case PASSED -> "pass";
                    case ERROR -> "error";
                    case FAILED, SKIPPED -> "fail";
                });
                if (check.status() == CheckStatus.PASSED) {
                    test.putNull("message");
                } else {
                    test.put("message", check.message() == null ? "" : check.message());
                }
                if (check.output() == null || check.output().isEmpty()) {
                    test.putNull("output");
                } else {
                    test.put("output", cut(check.output(), OUTPUT_LIMIT));
                }
                test.put("task_id", task);
            }
        }
        return Outputs.json(root);
    }

    /** At most {@code limit} characters, the cut said in the text itself. */
    static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        String marker = "\n[cut]";
        return text.substring(0, limit - marker.length()) + marker;
    }
}
