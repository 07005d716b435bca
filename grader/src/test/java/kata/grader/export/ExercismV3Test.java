package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercism's test runner interface, version 3, as specified: version, status pass|fail|error,
 * message only for error, tests in file order with name, test_code, status, message, output (at
 * most 500 characters) and task_id.
 */
class ExercismV3Test {

    private static final Set<String> TOP = Set.of("version", "status", "message", "tests");
    private static final Set<String> TEST = Set.of("name", "test_code", "status", "message", "output", "task_id");

    @TempDir
    Path dir;

    private JsonNode results(Scorecard card) throws IOException {
        Path out = dir.resolve(card.submissionId() + ".json");
        new ExercismV3().write(Exports.of(List.of(card)), out, ExportOptions.defaults().at(Moment.AFTER_PUBLISHED));
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void aGradedSubmissionHasOnlySpecifiedFieldsAndOneTestPerCheckInOrder() throws IOException {
        JsonNode results = results(Cards.allVisible(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT)));

        results.fieldNames().forEachRemaining(f -> assertTrue(TOP.contains(f), "unknown field " + f));
        assertEquals(3, results.get("version").asInt());
        assertEquals("fail", results.get("status").asText());
        assertTrue(results.get("message").isNull(), "message only for error");
        JsonNode tests = results.get("tests");
        assertEquals(List.of("Fix the race: Check counts-alone", "Fix the race: Check two-increments",
                "Fix the race: Check five-workers", "Fix the race: No sleeping", "Break the deadlock: Check transfer-alone"),
                List.of(tests.get(0), tests.get(1), tests.get(2), tests.get(3), tests.get(4)).stream()
                        .map(t -> t.get("name").asText()).toList());
        for (JsonNode test : tests) {
            test.fieldNames().forEachRemaining(f -> assertTrue(TEST.contains(f), "unknown test field " + f));
            assertTrue(Set.of("pass", "fail", "error").contains(test.get("status").asText()), test.toString());
            assertTrue(test.get("task_id").isInt() && test.get("task_id").asInt() >= 1, test.toString());
            assertEquals(test.get("status").asText().equals("pass"), test.get("message").isNull(), test.toString());
        }
        assertEquals(1, tests.get(0).get("task_id").asInt());
        assertEquals(2, tests.get(4).get("task_id").asInt(), "each kata is a task");
        assertEquals("error", tests.get(2).get("status").asText());
        assertEquals("tick <1>\n", tests.get(1).get("output").asText());
    }

    @Test
    void whenNoCheckCouldRunTheStatusIsErrorWithTheReasonAndNoTests() throws IOException {
        JsonNode results = results(Cards.unreadable("una", Cards.GRADED_AT));

        assertEquals("error", results.get("status").asText());
        assertTrue(results.get("message").asText().contains("Your archive could not be read"), results.toString());
        assertTrue(results.get("tests") == null, "no tests when nothing ran");
    }

    @Test
    void whatTheStudentsCodePrintedIsCutAt500Characters() throws IOException {
        Scorecard card = Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT);
        ExerciseResult race = card.exercises().get(0);
        CheckResult chatty = Cards.check("chatty", Visibility.VISIBLE, CheckStatus.FAILED, 1, "no", "x".repeat(2000));
        Scorecard withOutput = new Scorecard(card.schemaVersion(), card.grader(), "bob", card.student(),
                card.gradedAt(), card.environment(), 0, 1, List.of(new ExerciseResult(race.slug(), race.title(),
                kata.support.score.ExerciseStatus.FAILED, 0, 1, "", 0, List.of(chatty))));

        JsonNode output = results(withOutput).get("tests").get(0).get("output");

        assertTrue(output.asText().length() <= 500, "length " + output.asText().length());
        assertTrue(output.asText().endsWith("[cut]"));
    }
}
