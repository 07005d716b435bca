package kata.grader.export;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;

/**
 * Gradescope's autograder {@code results.json}: one test per check, numbered
 * {@code <exercise>.<check>} so Gradescope groups them by exercise, with each check's visibility
 * carried over. {@code out/<submission>/results.json}, or {@code out} for one scorecard.
 */
public final class Gradescope implements LmsExport {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String name() {
        return "gradescope";
    }

    @Override
    public String description() {
        return "Gradescope results.json per submission (<out>/<id>/results.json, or <out> for one scorecard)";
    }

    @Override
    public Written write(List<Scorecard> scorecards, Path out, ExportOptions options) throws IOException {
        return new Written(Outputs.perSubmission(scorecards, out, "/results.json", Gradescope::render), List.of());
    }

    static String render(Scorecard card) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", card.score());
        root.put("execution_time", Outputs.millis(card) / 1000.0);
        root.put("output", summary(card));
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
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Per exercise its score; for one that could not be graded, the whole reason (compile errors...). */
    private static String summary(Scorecard card) {
        StringBuilder text = new StringBuilder(Outputs.exerciseLines(card));
        for (ExerciseResult exercise : card.exercises()) {
            if (exercise.status() == ExerciseStatus.ERROR) {
                text.append('\n').append(exercise.title()).append(":\n").append(exercise.message()).append('\n');
            }
        }
        return text.toString();
    }
}
