package kata.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * batch, merge and export as an instructor types them. The submissions here are archives that
 * cannot be read, which the grader settles without running a test JVM.
 */
class ClassCommandsTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static Path aClass(Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(subs.resolve("ann.zip"), "not a zip");
        Files.writeString(subs.resolve("ben.zip"), "not a zip either");
        Files.writeString(dir.resolve("roster.csv"), "entry,email,lms_user_id\nann,ann@x.edu,7\nben,ben@x.edu,8\n"
                + "cat,cat@x.edu,9\n");
        return subs;
    }

    @Test
    void helpListsTheClassCommands() {
        Run run = run("--help");

        assertTrue(run.out().contains("batch") && run.out().contains("export") && run.out().contains("merge"),
                run.out());
    }

    @Test
    void batchThenExportGivesTheLmsFileAndCountsWhatHappened(@TempDir Path dir) throws Exception {
        Path subs = aClass(dir);

        Run batch = run("batch", subs.toString(), "--out", dir.resolve("out").toString(), "--roster",
                dir.resolve("roster.csv").toString(), "--progress", "lines", "--jobs", "2");
        Run export = run("export", dir.resolve("out").toString(), "--format", "canvas-csv", "--out",
                dir.resolve("canvas.csv").toString(), "--title", "Lab 1", "--assignment-id", "42");

        assertEquals(0, batch.status(), batch.err());
        assertTrue(batch.out().contains("2 graded, 0 unchanged and kept, 2 unreadable, 1 not submitted."),
                batch.out());
        assertTrue(batch.out().matches("(?s).*] ann 0/\\d+ unreadable \\(.*"), batch.out());
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.readString(dir.resolve("canvas.csv")).startsWith(
                "Student,ID,SIS User ID,SIS Login ID,Section,Lab 1 (42)"), Files.readString(dir.resolve("canvas.csv")));
    }

    @Test
    void mergingPartOfTheShardsIsAUsageErrorThatNamesTheMissingOne(@TempDir Path dir) throws Exception {
        Path subs = aClass(dir);
        run("batch", subs.toString(), "--out", dir.resolve("s1").toString(), "--shard", "1/2", "--progress", "none");

        Run merge = run("merge", dir.resolve("s1").toString(), "--out", dir.resolve("all").toString());

        assertEquals(2, merge.status());
        assertTrue(merge.err().startsWith("error: shard 2/2 is missing"), merge.err());
    }

    @Test
    void anUnknownFormatOrProgressModeIsAUsageErrorListingTheChoices(@TempDir Path dir) throws Exception {
        Path subs = aClass(dir);

        Run export = run("export", subs.toString(), "--format", "blackboard", "--out", dir.resolve("x").toString());
        Run batch = run("batch", subs.toString(), "--out", dir.resolve("out").toString(), "--progress", "dots");

        assertEquals(2, export.status());
        assertTrue(export.err().startsWith("error: unknown format 'blackboard'; known: gradescope, lti-ags,"
                + " canvas-csv, moodle-csv, junit-xml, github-classroom"), export.err());
        assertEquals(2, batch.status());
        assertTrue(batch.err().startsWith("error: --progress takes bar, lines or none, not 'dots'"), batch.err());
    }
}
