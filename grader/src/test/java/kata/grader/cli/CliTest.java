package kata.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kata.grader.Fixtures;
import kata.grader.scorecards.ScorecardJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an instructor meets it: exit statuses, one-line errors, help. */
class CliTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run run = run("--help");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("grade") && run.out().contains("demo") && run.out().contains("selfcheck"),
                run.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertEquals(2, run.status());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    @Test
    void gradeWithoutOutIsAUsageErrorThatShowsTheUsage() {
        Run run = run("grade", "somewhere");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("Missing required option: '--out=<file.json>'"), run.err());
        assertTrue(run.err().contains("Usage: grader.jar grade"), run.err());
    }

    @Test
    void anUnknownSandboxModeIsAUsageErrorThatNamesTheModes(@TempDir Path dir) {
        Run run = run("grade", dir.toString(), "--out", dir.resolve("x.json").toString(), "--sandbox", "maybe");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("'maybe' is not a sandbox mode; use auto, required or off"), run.err());
    }

    @Test
    void anOutThatCannotBeWrittenIsRefusedBeforeGrading(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "");

        Run run = run("grade", Fixtures.resource("redteam/submissions/correct").toString(),
                "--out", blocker.resolve("x.json").toString());

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: cannot write the scorecard to " + blocker.resolve("x.json")),
                run.err());
    }

    @Test
    void allowedListsWhatAKatasCodeMayUseWithItsSpecsAllowances() {
        Run echo = run("allowed", "--exercise", "echo-server");
        Run basics = run("allowed", "--exercise", "thread-basics");

        assertEquals(0, echo.status());
        assertTrue(echo.out().contains("  java.util.concurrent.*\n") && echo.out().contains("allow: sockets ("),
                echo.out());
        assertTrue(echo.out().contains("  java.lang.Thread (<init>, ") && echo.out().contains(", start, "), echo.out());
        assertTrue(!basics.out().contains("allow: sockets") && !basics.out().contains("java.net.Socket"), basics.out());
    }

    @Test
    void aMissingSubmissionIsOneLineAndAHint(@TempDir Path dir) {
        Run run = run("grade", dir.resolve("nobody").toString(), "--out", dir.resolve("x.json").toString());

        assertEquals(2, run.status());
        assertEquals("error: submission not found: " + dir.resolve("nobody") + "\n"
                + "Try 'grader.jar grade --help' for usage.\n", run.err());
        assertTrue(Files.notExists(dir.resolve("x.json")));
    }

    @Test
    void gradeWritesTheScorecardPrintsTheSummaryAndExitsZero(@TempDir Path dir) {
        Path out = dir.resolve("cards").resolve("alice.json");

        Run run = run("grade", Fixtures.submission("throws").toString(), "--course",
                Fixtures.resource("fixture-course").toString(), "--out", out.toString(), "--id", "alice");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("alice: 2 / 5 points"), run.out());
        assertEquals("alice", ScorecardJson.read(out).submissionId());
    }

    @Test
    void anUnknownExerciseIsAUsageErrorNamingTheKnownOnes(@TempDir Path dir) {
        Run run = run("grade", Fixtures.submission("correct").toString(), "--course",
                Fixtures.resource("fixture-course").toString(), "--exercise", "nope", "--out",
                dir.resolve("x.json").toString());

        assertEquals(2, run.status());
        // Where bubblewrap is missing, a warning about the sandbox comes first.
        String expected = "error: unknown exercise 'nope'; this course has: probe";
        assertTrue(run.err().lines().anyMatch(expected::equals), run.err());
    }

    @Test
    void selfcheckOutsideACourseRepositoryIsAUsageError(@TempDir Path dir) {
        Run run = run("selfcheck", "--course", dir.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: not a course repository"), run.err());
    }

    @Test
    void versionNamesTheGraderAndTheJava() {
        Run run = run("--version");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("kata-grader "), run.out());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.out());
    }
}
