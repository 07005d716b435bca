package kata.support.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;

/** The one scoring policy of the grader and of the student's own runs. */
class ScoringTest {

    record Check(String id, String name, CheckKind kind, Visibility visibility, double points)
            implements CheckDefinition {
    }

    static final List<Check> CHECKS = List.of(
            new Check("counts", "Counts", CheckKind.TEST, Visibility.VISIBLE, 1),
            new Check("races", "Races", CheckKind.TEST, Visibility.HIDDEN, 3),
            new Check("private", "Private state", CheckKind.RULE, Visibility.VISIBLE, 1.5));

    @Test
    void aCheckEarnsItsPointsOnlyWhenItPasses() {
        ExerciseResult result = Scoring.scored("kata", "Kata", CHECKS, Map.of(
                "counts", CheckOutcome.of(CheckStatus.PASSED, ""),
                "races", CheckOutcome.of(CheckStatus.FAILED, "lost an update"),
                "private", CheckOutcome.of(CheckStatus.PASSED, "")), 7);

        assertEquals(2.5, result.score());
        assertEquals(5.5, result.maxScore());
        assertEquals(ExerciseStatus.FAILED, result.status());
        assertEquals(List.of(1.0, 0.0, 1.5), result.checks().stream().map(CheckResult::points).toList());
        assertEquals("2 of 3 checks passed, 2.5 of 5.5 points.", result.message());
    }

    @Test
    void rulesWaitWhileNoTestPassesSoAnUntouchedStubScoresZero() {
        ExerciseResult result = Scoring.scored("kata", "Kata", CHECKS, Map.of(
                "counts", CheckOutcome.of(CheckStatus.FAILED, "not written yet"),
                "races", CheckOutcome.of(CheckStatus.FAILED, "not written yet"),
                "private", CheckOutcome.of(CheckStatus.PASSED, "")), 0);

        CheckResult rule = result.checks().get(2);
        assertEquals(CheckStatus.SKIPPED, rule.status());
        assertEquals(Scoring.RULES_WAIT, rule.message());
        assertEquals(0, result.score());
    }

    @Test
    void aCheckThatDidNotReportIsAnErrorNotAPass() {
        ExerciseResult result = Scoring.scored("kata", "Kata", CHECKS, Map.of(
                "counts", CheckOutcome.of(CheckStatus.PASSED, ""),
                "private", CheckOutcome.of(CheckStatus.PASSED, "")), 0);

        assertEquals(CheckStatus.ERROR, result.checks().get(1).status());
        assertEquals(ExerciseStatus.FAILED, result.status());
    }

    @Test
    void anExerciseThatCannotBeGradedScoresZeroAndKeepsItsMaximum() {
        ExerciseResult result = Scoring.error("kata", "Kata", CHECKS, "Your code does not compile (1 error):\nA.java:1", 3);

        assertEquals(ExerciseStatus.ERROR, result.status());
        assertEquals(0, result.score());
        assertEquals(5.5, result.maxScore());
        assertTrue(result.checks().stream().allMatch(c -> c.status() == CheckStatus.ERROR
                && c.message().equals("Not run: Your code does not compile (1 error):")), result.toString());
    }

    @Test
    void pointsReadAsWholeNumbersWhenTheyAre() {
        assertEquals("3", Scoring.points(3.0));
        assertEquals("2.5", Scoring.points(2.5));
    }

    @Test
    void pointsKeepTwoDecimalsAtMostRoundedHalfUp() {
        assertEquals("0.33", Scoring.points(1.0 / 3));
        assertEquals("0.67", Scoring.points(2.0 / 3));
        assertEquals("1.01", Scoring.points(1.005));
        assertEquals("10", Scoring.points(9.999));
    }

    @Test
    void aMessageShownOnOneLineIsItsFirstLine() {
        assertEquals("Your code does not compile:", Scoring.firstLine("Your code does not compile:\nA.java:1\n"));
        assertEquals("one line", Scoring.firstLine("one line"));
        assertEquals("", Scoring.firstLine("\nsecond"));
        assertEquals("", Scoring.firstLine(null));
    }
}
