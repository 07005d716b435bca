package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub Classroom reporter's result, as specified: version 1, status, max_score, tests[...]. */
class GithubClassroomTest {

    private static final Set<String> TEST_FIELDS = Set.of("name", "status", "score", "message", "test_code",
            "filename", "line_no", "duration");

    @TempDir
    Path dir;

    private JsonNode result(kata.support.score.Scorecard card) throws IOException {
        Path out = dir.resolve(card.submissionId() + ".json");
        new GithubClassroom().write(Exports.of(List.of(card)), out, ExportOptions.defaults());
        String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(out));
        return new ObjectMapper().readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }

    @Test
    void theResultHasTheReportersFieldsAndEachScoreFollowsItsStatus() throws IOException {
        JsonNode result = result(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT));

        assertEquals(1, result.get("version").asInt());
        assertEquals("fail", result.get("status").asText());
        assertEquals(12.0, result.get("max_score").asDouble());
        for (JsonNode test : result.get("tests")) {
            test.fieldNames().forEachRemaining(f -> assertTrue(TEST_FIELDS.contains(f), "unknown field " + f));
            assertTrue(Set.of("pass", "fail", "error").contains(test.get("status").asText()));
            assertEquals(test.get("status").asText().equals("pass"), test.get("score").asDouble() > 0, test.toString());
        }
        JsonNode failed = result.get("tests").get(1);
        assertEquals("fail", failed.get("status").asText());
        assertTrue(failed.get("message").asText().startsWith("Lost an update"));
        assertEquals("error", result.get("tests").get(2).get("status").asText(), "break-the-deadlock did not compile");
    }

    @Test
    void beforeTheDueDateOnlyTheVisibleChecksAreThere() throws IOException {
        JsonNode result = result(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT));

        assertEquals(3, result.get("tests").size(), result.toString());
        assertEquals(12.0, result.get("max_score").asDouble());
    }

    @Test
    void fullMarksPassAndThePointsAddUpToTheMaximum() throws IOException {
        assertEquals("pass", result(Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT)).get("status").asText());
        double total = 0;
        for (JsonNode test : result(Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT)).get("tests")) {
            total += test.get("score").asDouble();
        }
        assertEquals(12.0, total, "the points add up to max_score");
    }
}
