package kata.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scoring;
import org.junit.jupiter.api.Test;

/** What a student reads: each message once, then the table, then one next step, last. */
class ReportTest {

    private static final List<KataDescription.PublicCheck> CHECKS = List.of(
            new KataDescription.PublicCheck("alone", "One thread", CheckKind.TEST, Visibility.VISIBLE, 1),
            new KataDescription.PublicCheck("race", "Two threads", CheckKind.TEST, Visibility.VISIBLE, 3));

    @Test
    void eachFailureIsPrintedOnceAboveTheTableAndTheNextStepIsLast() {
        ExerciseResult result = Scoring.scored("fix-the-race", "Fix the race", CHECKS, Map.of(
                "alone", CheckOutcome.of(CheckStatus.PASSED, ""),
                "race", CheckOutcome.of(CheckStatus.FAILED, "the count is 1, not 2\nhow it happens: ...")), 5);

        String text = Report.kata(result, 8.0);

        assertEquals(text.indexOf("the count is 1, not 2"), text.lastIndexOf("the count is 1, not 2"), text);
        assertTrue(text.indexOf("the count is 1, not 2") < text.indexOf("  FAIL  race"), text);
        List<String> lines = text.strip().lines().toList();
        assertEquals("Start with race: what it observed is above, under \"fix-the-race, race\".",
                lines.get(lines.size() - 1));
    }

    @Test
    void checksThatObservedTheSameThingShareOneMessageAndEachIsNamed() {
        List<KataDescription.PublicCheck> checks = List.of(
                new KataDescription.PublicCheck("alone", "One thread", CheckKind.TEST, Visibility.VISIBLE, 1),
                new KataDescription.PublicCheck("race", "Two threads", CheckKind.TEST, Visibility.VISIBLE, 3),
                new KataDescription.PublicCheck("limit", "A limit", CheckKind.TEST, Visibility.VISIBLE, 1));
        String stub = "Counter.get() is not written yet: return the current count.";
        ExerciseResult result = Scoring.scored("fix-the-race", "Fix the race", checks, Map.of(
                "alone", CheckOutcome.of(CheckStatus.FAILED, stub),
                "race", CheckOutcome.of(CheckStatus.FAILED, "the count is 1, not 2"),
                "limit", CheckOutcome.of(CheckStatus.FAILED, stub)), 5);

        String text = Report.kata(result, 8.0);

        assertEquals(text.indexOf(stub), text.lastIndexOf(stub), text);
        assertTrue(text.contains("fix-the-race, alone: One thread\n    " + stub + "\n    The same for limit.\n"), text);
        assertTrue(text.contains("fix-the-race, race: Two threads\n    the count is 1, not 2"), text);
    }

    @Test
    void theSummaryEndsWithTheTotalAndTheNextStep() {
        ExerciseResult broken = Scoring.error("fix-the-race", "Fix the race", CHECKS,
                "Your code does not compile (1 error):\nCounter.java:1: ';' expected", 0);

        List<String> lines = Report.summary(List.of(new Report.Row(broken, 8.0, true)), "target/scorecard.json")
                .strip().lines().toList();

        assertTrue(lines.get(lines.size() - 2).startsWith("  total "), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 2).contains("0/4"), String.join("\n", lines));
        assertEquals("Next: fix-the-race, start with the problem above, under \"fix-the-race\".",
                lines.get(lines.size() - 1));
    }
}
