package kata.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertTrue(batch.out().contains("3 students: 0 graded, 1 not submitted, 2 could not be graded (2 unreadable"
                + " archives). This run graded 2 and kept 0 unchanged."), batch.out());
        assertTrue(batch.out().matches("(?s).*] ann 0/\\d+ unreadable archive \\(.*"), batch.out());
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
                + " canvas-csv, moodle-csv, junit-xml, github-classroom, exercism, prairielearn"), export.err());
        assertEquals(2, batch.status());
        assertTrue(batch.err().startsWith("error: --progress takes bar, lines or none, not 'dots'"), batch.err());
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String command : List.of("grade", "batch", "export", "merge", "demo", "similarity", "selfcheck", "publish",
                "new-exercise")) {
            for (String flag : List.of("--version", "-V")) {
                Run run = run(command, flag);

                assertEquals(0, run.status(), command + " " + flag + ": " + run.err());
                assertTrue(run.out().startsWith("kata-grader "), command + " " + flag + ": '" + run.out() + "'");
            }
        }
    }

    @Test
    void exportingSeveralScorecardsToOneJsonFileIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path subs = aClass(dir);
        run("batch", subs.toString(), "--out", dir.resolve("out").toString(), "--progress", "none", "--no-similarity");

        Run export = run("export", dir.resolve("out").toString(), "--format", "github-classroom", "--out",
                dir.resolve("x.json").toString());

        assertEquals(2, export.status());
        assertTrue(export.err().startsWith("error: 2 scorecards make 2 files, one per submission (<out>/<id>.json):"
                + " give --out a folder, not x.json"), export.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void canvasWithoutAnAssignmentIdGetsAColumnCanvasCreatesAnAssignmentFrom(@TempDir Path dir) throws Exception {
        Path subs = aClass(dir);
        run("batch", subs.toString(), "--out", dir.resolve("out").toString(), "--progress", "none", "--no-similarity",
                "--roster", dir.resolve("roster.csv").toString());

        Run export = run("export", dir.resolve("out").toString(), "--format", "canvas-csv", "--out",
                dir.resolve("canvas.csv").toString(), "--title", "Lab 1");

        assertEquals(0, export.status(), export.err());
        assertTrue(Files.readString(dir.resolve("canvas.csv")).startsWith(
                "Student,ID,SIS User ID,SIS Login ID,Section,Lab 1\r\n"), Files.readString(dir.resolve("canvas.csv")));
    }
}
