package kata.support.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;

/** The student's scorecards are read back exactly as written (the grader's tests compare them with Jackson's). */
class ScorecardTextTest {

    static Scorecard card(String message) {
        CheckResult check = new CheckResult("five-workers", "Five workers", CheckKind.TEST, Visibility.VISIBLE,
                CheckStatus.FAILED, 0, 3, message, 12, "", false, null);
        ExerciseResult exercise = new ExerciseResult("fix-the-race", "Fix the race", ExerciseStatus.FAILED, 0, 3,
                "0 of 1 checks passed, 0 of 3 points.", 40, List.of(check));
        return new Scorecard(Scorecard.SCHEMA_VERSION, new Scorecard.GraderInfo("kata-support", "1.0"), "local",
                new Student("Ada", null, "ada", null, null, "A"), Instant.parse("2026-01-02T03:04:05.006Z"),
                new Scorecard.Environment("17.0.15", "Debian", "Linux", 2, "bubblewrap"), 0, 3, List.of(exercise));
    }

    @Test
    void aScorecardSurvivesARoundTripThroughItsText() {
        Scorecard card = card("lost \"updates\"\n\tsteps: \\ \u0001 é");

        assertEquals(card, ScorecardText.read(ScorecardText.write(card)));
    }

    @Test
    void timesAreUtcWithThreeFractionDigitsAndEnumsLowercase() {
        String text = ScorecardText.write(card("x"));

        assertTrue(text.contains("\"graded_at\" : \"2026-01-02T03:04:05.006Z\""), text);
        assertTrue(text.contains("\"kind\" : \"test\""), text);
        assertTrue(text.contains("\"lms_user_id\" : null"), text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void textThatIsNotAScorecardIsRefusedWithAReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScorecardText.read("{\"schema_version\" : 1, \"grader\" : [ ]"));

        assertTrue(refused.getMessage().startsWith("not a scorecard"), refused.getMessage());
    }
}
