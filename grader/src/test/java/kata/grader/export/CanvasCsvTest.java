package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canvas gradebook CSV, as specified: identity columns, 'Title (id)', Points Possible row, 2 decimals. */
class CanvasCsvTest {

    @TempDir
    Path dir;

    @Test
    void theHeaderPointsPossibleRowAndOneRowPerStudentAreAsCanvasImportsThem() throws IOException {
        Path out = dir.resolve("canvas.csv");

        LmsExport.Written written = new CanvasCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT),
                Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT))), out,
                new ExportOptions("Katas 1", "4711", null).at(Moment.AFTER_PUBLISHED));

        List<List<String>> rows = Cards.csv(out);
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Katas 1 (4711)"), rows.get(0));
        assertEquals(List.of("Points Possible", "", "", "", "", "15"), rows.get(1));
        assertEquals(List.of("Alice Martin", "1001", "S-1", "amartin", "Section A", "3"), rows.get(2));
        assertEquals(List.of("Bob \"Bobby\" Li, Jr.", "1002", "S-2", "bli", "Section B", "15"), rows.get(3));
        assertEquals(4, rows.size());
        assertEquals(List.of(), written.warnings());
        assertTrue(Files.readString(out).startsWith("Student,ID,SIS User ID,SIS Login ID,Section,Katas 1 (4711)\r\n"));
    }

    @Test
    void scoresAreWrittenToTwoDecimalsAtMost() {
        assertEquals("2.33", kata.grader.scorecards.Points.text(7.0 / 3));
        assertEquals("2.5", kata.grader.scorecards.Points.text(2.5));
        assertEquals("0", kata.grader.scorecards.Points.text(0));
        assertEquals("37", kata.grader.scorecards.Points.text(37));
    }

    @Test
    void withoutAnAssignmentIdTheColumnIsTheTitleAloneSoCanvasCreatesTheAssignment() throws IOException {
        new CanvasCsv().write(Exports.of(List.of(Cards.perfect("bob", Cards.bob(), Cards.GRADED_AT))),
                dir.resolve("c.csv"), new ExportOptions("Lab 2", null, null));

        assertEquals("Lab 2", Cards.csv(dir.resolve("c.csv")).get(0).get(5));
    }

    @Test
    void beforeTheDueDateTheScoreAndItsMaximumCountOnlyTheVisibleChecks() throws IOException {
        new CanvasCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))),
                dir.resolve("c.csv"), ExportOptions.defaults());

        List<List<String>> rows = Cards.csv(dir.resolve("c.csv"));
        assertEquals("12", rows.get(1).get(5), "visible maxima: 3 + 4 + 5");
        assertEquals("3", rows.get(2).get(5));
    }

    @Test
    void aStudentWhoseArchiveCouldNotBeReadGetsNoScoreRatherThanZero() throws IOException {
        LmsExport.Written written = new CanvasCsv().write(Exports.of(List.of(Cards.unreadable("una", Cards.GRADED_AT))),
                dir.resolve("c.csv"), new ExportOptions(null, "1", null));

        assertEquals("", Cards.csv(dir.resolve("c.csv")).get(2).get(5));
        assertTrue(written.warnings().contains("una: unreadable archive, left blank (no score)"), written.warnings().toString());
    }

    @Test
    void aStudentCanvasCannotMatchByIdIsWarnedAbout() throws IOException {
        LmsExport.Written written = new CanvasCsv().write(Exports.of(List.of(Cards.perfect("zed", null, Cards.GRADED_AT))),
                dir.resolve("c.csv"), new ExportOptions(null, "1", null));

        assertTrue(written.warnings().get(0).startsWith("zed: no Canvas ID"), written.warnings().toString());
    }
}
