package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradescope results.json, as specified: per test score, max_score, status passed|failed, visibility. */
class GradescopeTest {

    private static final Set<String> TOP = Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard");
    private static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "number", "output",
            "output_format", "tags", "visibility", "extra_data");
    private static final Set<String> VISIBILITY = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");

    @TempDir
    Path dir;

    @Test
    void eachSubmissionGetsAResultsFileWithOnlySpecifiedFields() throws IOException {
        new Gradescope().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT),
                Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT))), dir, ExportOptions.defaults());

        for (String id : List.of("alice", "bob")) {
            JsonNode results = new ObjectMapper().readTree(dir.resolve(id).resolve("results.json").toFile());
            results.fieldNames().forEachRemaining(f -> assertTrue(TOP.contains(f), "unknown top-level field " + f));
            assertTrue(FORMATS.contains(results.get("output_format").asText()));
            for (JsonNode test : results.get("tests")) {
                test.fieldNames().forEachRemaining(f -> assertTrue(TEST.contains(f), "unknown test field " + f));
                assertTrue(Set.of("passed", "failed").contains(test.get("status").asText()), test.toString());
                assertTrue(VISIBILITY.contains(test.get("visibility").asText()), test.toString());
                assertTrue(test.get("number").isTextual() && test.get("number").asText().matches("\\d+\\.\\d+"));
                assertTrue(test.get("score").isNumber() && test.get("max_score").isNumber());
            }
        }
    }

    @Test
    void scoresStatusesAndVisibilityAreCarriedOverCheckByCheck() throws IOException {
        Path out = dir.resolve("results.json");

        new Gradescope().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), out,
                ExportOptions.defaults());

        JsonNode results = new ObjectMapper().readTree(out.toFile());
        assertEquals(3.0, results.get("score").asDouble());
        JsonNode tests = results.get("tests");
        assertEquals(5, tests.size());
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1"),
                List.of(tests.get(0), tests.get(1), tests.get(2), tests.get(3), tests.get(4)).stream()
                        .map(t -> t.get("number").asText()).toList());
        JsonNode failed = tests.get(1);
        assertEquals("Fix the race: Check two-increments", failed.get("name").asText());
        assertEquals("failed", failed.get("status").asText());
        assertEquals(0.0, failed.get("score").asDouble());
        assertEquals(4.0, failed.get("max_score").asDouble());
        assertTrue(failed.get("output").asText().startsWith("Lost an update: expected 2 but was 1"));
        assertTrue(failed.get("output").asText().contains("Output of your code:\ntick <1>"));
        assertEquals("visible", failed.get("visibility").asText());
        assertEquals("after_due_date", tests.get(2).get("visibility").asText());
        assertEquals("failed", tests.get(2).get("status").asText(), "an error is not a pass");
        assertEquals("hidden", tests.get(3).get("visibility").asText());
        assertEquals("passed", tests.get(0).get("status").asText());
        assertEquals(3.0, tests.get(0).get("score").asDouble());
        assertTrue(results.get("output").asText().contains("src/main/java/kata/bank/Bank.java:5: ';' expected"),
                "a compile error is shown whole");
    }

    @Test
    void theScoreIsTheSumOfTheTests() throws IOException {
        Path out = dir.resolve("results.json");
        new Gradescope().write(Exports.of(List.of(Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT))), out,
                ExportOptions.defaults());

        JsonNode results = new ObjectMapper().readTree(Files.readString(out));
        double sum = 0;
        for (JsonNode test : results.get("tests")) {
            sum += test.get("score").asDouble();
        }
        assertEquals(results.get("score").asDouble(), sum);
    }
}
