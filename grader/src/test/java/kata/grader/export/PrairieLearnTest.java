package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PrairieLearn's external grader results.json, as specified: gradable, score 0..1, message, output, tests. */
class PrairieLearnTest {

    private static final Set<String> TOP = Set.of("gradable", "score", "message", "output", "images", "tests");
    private static final Set<String> TEST = Set.of("name", "description", "points", "max_points", "message", "output",
            "images");

    @TempDir
    Path dir;

    private JsonNode results(Scorecard card) throws IOException {
        Path out = dir.resolve("results.json");
        new PrairieLearn().write(Exports.of(List.of(card)), out, ExportOptions.defaults().at(Moment.AFTER_PUBLISHED));
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void aGradedSubmissionHasOnlySpecifiedFieldsAndItsScoreAsAShare() throws IOException {
        JsonNode results = results(Cards.allVisible(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT)));

        results.fieldNames().forEachRemaining(f -> assertTrue(TOP.contains(f), "unknown field " + f));
        assertTrue(results.get("gradable").asBoolean());
        assertEquals(3.0 / 15, results.get("score").asDouble(), 1e-9);
        assertTrue(results.get("output").asText().contains("src/main/java/kata/bank/Bank.java:5: ';' expected"),
                "a compile error is shown whole");
        double points = 0;
        for (JsonNode test : results.get("tests")) {
            test.fieldNames().forEachRemaining(f -> assertTrue(TEST.contains(f), "unknown test field " + f));
            assertTrue(test.get("points").asDouble() <= test.get("max_points").asDouble(), test.toString());
            points += test.get("points").asDouble();
        }
        assertEquals(3.0, points);
        assertEquals(5, results.get("tests").size());
    }

    @Test
    void aSubmissionWhereNoCheckCouldRunIsNotGradable() throws IOException {
        JsonNode results = results(Cards.unreadable("una", Cards.GRADED_AT));

        assertFalse(results.get("gradable").asBoolean());
        assertEquals(0.0, results.get("score").asDouble());
    }
}
