package kata.grader;

import static kata.grader.Fixtures.check;
import static kata.grader.Fixtures.probe;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever a submission does, grading ends with a scorecard that says what happened and keeps the
 * points the submission earned elsewhere.
 */
class GraderTest {

    @BeforeAll
    static void gradeTheFixtures() {
        Fixtures.gradeAll(List.of("correct", "does-not-compile", "throws", "exits", "hangs", "deadlocks",
                "runs-out-of-memory", "wrong-api", "chatty", "empty", "leaves-a-spinner", "leaves-a-waiter"));
    }

    @Test
    void aCorrectSubmissionGetsFullMarksWithChecksInReadingOrder() {
        ExerciseResult result = probe("correct");

        assertEquals(ExerciseStatus.PASSED, result.status());
        assertEquals(5, result.score());
        assertEquals(List.of("answers-42", "says-hello", "private-fields", "answers-twice"),
                result.checks().stream().map(CheckResult::id).toList(), "public tests, public rules, hidden");
        assertEquals(CheckKind.RULE, check("correct", "private-fields").kind());
        assertEquals(Visibility.HIDDEN, check("correct", "answers-twice").visibility());
        assertEquals("answer() is 42", check("correct", "answers-42").name());
        assertEquals("hello\n", check("correct", "says-hello").output());
    }

    @Test
    void codeThatDoesNotCompileScoresZeroAndShowsTheErrorWithItsLine() {
        ExerciseResult result = probe("does-not-compile");

        assertEquals(ExerciseStatus.ERROR, result.status());
        assertEquals(0, result.score());
        assertEquals("Your code does not compile (1 error):\nsrc/main/java/probe/Probe.java:5: ';' expected\n"
                + "            return 42\n                     ^", result.message());
        assertTrue(result.checks().stream().allMatch(c -> c.status() == CheckStatus.ERROR));
    }

    @Test
    void anExceptionFailsOnlyTheChecksThatMeetItAndNamesTheLine() {
        CheckResult failed = check("throws", "answers-42");

        assertEquals(CheckStatus.FAILED, failed.status());
        assertEquals("Your code threw IllegalStateException at Probe.java:5: broken on purpose", failed.message());
        assertEquals(CheckStatus.PASSED, check("throws", "says-hello").status());
        assertEquals(2, probe("throws").score(), "says-hello and the rule");
    }

    @Test
    void systemExitEndsOnlyTheCheckThatCalledItAndTheOthersStillRun() {
        CheckResult exited = check("exits", "answers-42");

        assertEquals(CheckStatus.ERROR, exited.status());
        assertTrue(exited.message().contains("ended the test JVM during this check (System.exit(7))"), exited.message());
        assertEquals(CheckStatus.PASSED, check("exits", "says-hello").status(), "run in a fresh JVM");
        assertEquals(CheckStatus.ERROR, check("exits", "answers-twice").status());
    }

    @Test
    void aHangIsStoppedAtTheCheckLimitAndSaysWhereTheCodeWas() {
        CheckResult hung = check("hangs", "answers-42");

        assertEquals(CheckStatus.FAILED, hung.status());
        assertTrue(hung.message().startsWith("Did not finish within 3 s."), hung.message());
        assertTrue(hung.message().contains("Probe.java:8"), hung.message());
        assertTrue(hung.durationMillis() < 10_000, "stopped near its 3 s limit: " + hung.durationMillis());
        assertEquals(CheckStatus.PASSED, check("hangs", "says-hello").status());
    }

    @Test
    void aDeadlockIsReportedWithTheThreadsAndTheLocksTheyHold() {
        CheckResult deadlocked = check("deadlocks", "answers-42");

        assertEquals(CheckStatus.FAILED, deadlocked.status());
        assertAll(
                () -> assertTrue(deadlocked.message().contains("deadlocked"), deadlocked.message()),
                () -> assertTrue(deadlocked.message().contains("\"grabber-1\" holds Object@"), deadlocked.message()),
                () -> assertTrue(deadlocked.message().contains("(taken in Probe.grab)"), deadlocked.message()),
                () -> assertTrue(deadlocked.message().contains("at Probe.java:30, held by \"grabber-2\""),
                        deadlocked.message()),
                () -> assertTrue(deadlocked.message().contains("at Probe.java:30, held by \"grabber-1\""),
                        deadlocked.message()));
    }

    @Test
    void runningOutOfMemorySaysSoAndTheOtherChecksStillRun() {
        CheckResult starved = check("runs-out-of-memory", "answers-42");

        assertEquals(CheckStatus.FAILED, starved.status());
        assertTrue(starved.message().startsWith("Your code ran out of memory (the test JVM may use 64 MB of heap)."),
                starved.message());
        assertEquals(CheckStatus.PASSED, check("runs-out-of-memory", "says-hello").status());
    }

    @Test
    void changedSignaturesAreAnErrorThatPointsAtTheApi() {
        CheckResult mismatch = check("wrong-api", "answers-42");

        assertEquals(CheckStatus.ERROR, mismatch.status());
        assertTrue(mismatch.message().startsWith("Your code does not match the exercise's API (NoSuchMethodError:"),
                mismatch.message());
        assertTrue(mismatch.message().contains("probe.Probe.answer()"), mismatch.message());
    }

    @Test
    void floodsOfOutputAreCutAndMarkedAsTruncated() {
        CheckResult chatty = check("chatty", "says-hello");

        assertEquals(CheckStatus.PASSED, chatty.status());
        assertTrue(chatty.outputTruncated());
        assertTrue(chatty.output().length() < 20_000, "bounded: " + chatty.output().length());
        assertTrue(chatty.output().endsWith("more bytes]"), chatty.output().substring(chatty.output().length() - 60));
    }

    @Test
    void aCheckThatLeavesAThreadRunningIsFollowedByAFreshJvm() {
        assertEquals(CheckStatus.PASSED, check("leaves-a-spinner", "says-hello").status());

        assertEquals(CheckStatus.PASSED, check("leaves-a-spinner", "answers-twice").status(),
                "the spinner from says-hello must not be in the JVM of the next check");
    }

    @Test
    void aCheckThatLeavesAThreadWaitingForEverIsFollowedByFreshCopiesOfTheClasses() {
        assertEquals(CheckStatus.PASSED, check("leaves-a-waiter", "says-hello").status());

        assertEquals(CheckStatus.PASSED, check("leaves-a-waiter", "answers-twice").status(),
                "no static field of the classes say() ran may reach the next check");
    }

    @Test
    void anExerciseWithoutSourcesIsNotSubmittedButListsItsChecks() {
        ExerciseResult result = probe("empty");

        assertEquals(ExerciseStatus.NOT_SUBMITTED, result.status());
        assertEquals(5, result.maxScore());
        assertEquals(4, result.checks().size());
        assertTrue(result.checks().stream().allMatch(c -> c.status() == CheckStatus.SKIPPED));
    }

    @Test
    void rulesWaitUntilATestPasses() {
        CheckResult rule = check("wrong-api", "private-fields");

        assertEquals(CheckStatus.PASSED, check("wrong-api", "says-hello").status());
        assertEquals(CheckStatus.PASSED, rule.status(), "a test passed, so the rule counts");
    }

    @Test
    void aMissingSubmissionIsRejectedWithAOneLineReason() {
        Grader grader = Grader.of(Fixtures.course());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grader.grade(Path.of("no/such/submission")));

        assertEquals("submission not found: no/such/submission", error.getMessage());
    }

    @Test
    void anUnknownExerciseIsRejectedNamingTheKnownOnes() {
        Grader grader = Grader.of(Fixtures.course());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grader.grade(Fixtures.submission("correct"), "x", null, List.of("nope")));

        assertEquals("unknown exercise 'nope'; this course has: probe", error.getMessage());
    }
}
