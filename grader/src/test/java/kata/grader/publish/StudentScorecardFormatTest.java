package kata.grader.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import kata.grader.Fixtures;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.scorecards.ScorecardSchemaTest;
import kata.support.score.Scorecard;
import kata.support.score.ScorecardText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The student's own runs write their scorecards with kata-support's dependency-free codec: for the
 * same scorecard it writes exactly what the grader's codec writes, so both are valid against the
 * shipped schema and an LMS cannot tell them apart. (PublishIT validates the files a real
 * {@code mvn verify} writes.)
 */
class StudentScorecardFormatTest {

    private static final List<String> SUBMISSIONS = List.of("correct", "does-not-compile", "exits", "chatty");

    @ParameterizedTest
    @ValueSource(strings = {"correct", "does-not-compile", "exits", "chatty"})
    void theStudentsCodecWritesWhatTheGradersCodecWrites(String submission) {
        Fixtures.gradeAll(SUBMISSIONS);
        Scorecard card = Fixtures.graded(submission);

        String text = ScorecardText.write(card);

        assertEquals(ScorecardJson.write(card), text);
        assertEquals(Set.of(), ScorecardSchemaTest.violations(text));
        assertEquals(card, ScorecardText.read(text));
    }
}
