package kata.grader.scorecards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import kata.grader.Fixtures;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scorecard the grader writes is valid against the schema it ships. */
public class ScorecardSchemaTest {

    static final JsonSchema SCHEMA = load();
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema load() {
        try (InputStream in = ScorecardSchemaTest.class.getResourceAsStream(ScorecardJson.SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema violations of a scorecard's JSON; empty when valid. */
    public static Set<ValidationMessage> violations(String json) {
        try {
            return SCHEMA.validate(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "does-not-compile", "exits", "hangs", "chatty", "empty"})
    void scorecardsOfEveryKindOfSubmissionMatchTheSchema(String submission) {
        Fixtures.gradeAll(List.of("correct", "does-not-compile", "exits", "hangs", "chatty", "empty"));
        String json = ScorecardJson.write(Fixtures.graded(submission));

        assertEquals(Set.of(), violations(json));
    }

    @Test
    void aScorecardSurvivesARoundTripThroughJson() {
        Scorecard original = Fixtures.graded("correct");

        Scorecard read = ScorecardJson.read(ScorecardJson.write(original));

        assertEquals(original, read);
    }

    @Test
    void theSchemaRejectsWhatTheGraderMustNeverWrite() throws IOException {
        ObjectNode card = (ObjectNode) JSON.readTree(ScorecardJson.write(Fixtures.graded("correct")));
        ObjectNode check = (ObjectNode) card.get("exercises").get(0).get("checks").get(0);
        check.put("status", "flaky");
        card.put("graded_at", "2026-11-22T10:15:30Z");

        Set<ValidationMessage> problems = SCHEMA.validate(card);

        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("graded_at")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("status")), problems.toString());
    }

    @Test
    void timesAreUtcWithExactlyThreeFractionDigits() throws IOException {
        JsonNode card = JSON.readTree(ScorecardJson.write(Fixtures.graded("correct")));

        assertTrue(card.get("graded_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                card.get("graded_at").asText());
    }
}
