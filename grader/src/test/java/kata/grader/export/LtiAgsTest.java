package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LTI 1.3 AGS Score, as specified: userId, scoreGiven/scoreMaximum, ISO timestamps strictly increasing. */
class LtiAgsTest {

    private static final Set<String> FIELDS = Set.of("userId", "scoreGiven", "scoreMaximum", "comment", "timestamp",
            "activityProgress", "gradingProgress");
    private static final String ISO_WITH_FRACTION_AND_ZONE =
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+(Z|[+-]\\d\\d:\\d\\d)";

    @TempDir
    Path dir;

    private List<JsonNode> scores() throws IOException {
        List<JsonNode> scores = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("lineitem.json")).sorted().toList()) {
                scores.add(new ObjectMapper().readTree(file.toFile()));
            }
        }
        return scores;
    }

    @Test
    void oneScorePerStudentWithTheRequiredFieldsAndValidValues() throws IOException {
        LmsExport.Written written = new LtiAgs().write(Exports.of(List.of(
                Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT),
                Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT.minusSeconds(60)))), dir,
                new ExportOptions("Katas", "katas-1", null));

        List<JsonNode> scores = scores();
        assertEquals(2, scores.size());
        assertEquals(List.of(), written.warnings());
        for (JsonNode score : scores) {
            score.fieldNames().forEachRemaining(f -> assertTrue(FIELDS.contains(f), "unknown field " + f));
            assertTrue(score.get("userId").isTextual());
            assertTrue(score.get("scoreGiven").asDouble() >= 0);
            assertTrue(score.get("scoreMaximum").asDouble() > 0);
            assertTrue(score.get("timestamp").asText().matches(ISO_WITH_FRACTION_AND_ZONE), score.toString());
            assertTrue(Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed")
                    .contains(score.get("activityProgress").asText()));
            assertTrue(Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady")
                    .contains(score.get("gradingProgress").asText()));
        }
        JsonNode alice = scores.stream().filter(s -> s.get("userId").asText().equals("1001")).findFirst().orElseThrow();
        assertEquals(3.0, alice.get("scoreGiven").asDouble());
        assertEquals(12.0, alice.get("scoreMaximum").asDouble(), "before the due date: visible checks only");
        assertTrue(alice.get("comment").asText().contains("Fix the race: 3 of 7 points"));
        JsonNode item = new ObjectMapper().readTree(dir.resolve("lineitem.json").toFile());
        assertEquals("Katas", item.get("label").asText());
        assertEquals(12.0, item.get("scoreMaximum").asDouble());
        assertEquals("katas-1", item.get("resourceId").asText());
    }

    @Test
    void timestampsStrictlyIncreaseInFileOrderEvenWhenGradedInTheSameMillisecond() throws IOException {
        new LtiAgs().write(Exports.of(List.of(Cards.mixed("carol", Cards.student("C", null, null, "3", null, null), Cards.GRADED_AT),
                Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT),
                Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT))), dir, ExportOptions.defaults());

        List<OffsetDateTime> times = scores().stream().map(s -> OffsetDateTime.parse(s.get("timestamp").asText()))
                .toList();
        assertEquals(3, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).isAfter(times.get(i - 1)), times.toString());
        }
    }

    @Test
    void aStudentWithTwoSubmissionsGetsOneScoreFromTheLatest() throws IOException {
        new LtiAgs().write(Exports.of(List.of(Cards.perfect("alice-late", Cards.alice(), Cards.GRADED_AT.plusSeconds(5)),
                Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), dir, ExportOptions.defaults());

        List<JsonNode> scores = scores();
        assertEquals(1, scores.size());
        assertEquals(12.0, scores.get(0).get("scoreGiven").asDouble());
    }

    @Test
    void scorecardsWithoutAnLmsUserIdAreLeftOutWithAWarningAndNoneAtAllIsAnError() throws IOException {
        LmsExport.Written written = new LtiAgs().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT),
                Cards.mixed("nobody", null, Cards.GRADED_AT))), dir, ExportOptions.defaults());

        assertEquals(List.of("nobody: no lms_user_id in the roster, so no LTI score"), written.warnings());
        assertThrows(IllegalArgumentException.class, () -> new LtiAgs().write(
                Exports.of(List.of(Cards.mixed("nobody", null, Cards.GRADED_AT))), dir.resolve("x"), ExportOptions.defaults()));
    }

    @Test
    void anArchiveThatCouldNotBeReadIsAFailedGradingWithNoScore() throws IOException {
        kata.support.score.Scorecard una = Cards.unreadable("una", Cards.GRADED_AT);
        una = new kata.support.score.Scorecard(una.schemaVersion(), una.grader(), "una", Cards.alice(), una.gradedAt(),
                una.environment(), 0, una.maxScore(), una.exercises());

        new LtiAgs().write(Exports.of(List.of(una)), dir, ExportOptions.defaults());

        JsonNode score = scores().get(0);
        assertEquals("Failed", score.get("gradingProgress").asText());
        assertTrue(!score.has("scoreGiven") && !score.has("scoreMaximum"), score.toString());
        assertTrue(score.get("comment").asText().startsWith("Your archive could not be read"), score.toString());
    }
}
