package kata.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kata.support.score.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    @Test
    void columnsAreReadInAnyOrderAndBlankCellsAreAbsent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, "Section,email,entry,name,lms_user_id\n"
                + "A,alice@x.edu,alice,\"Martin, Alice\",1001\n"
                + ",bob@x.edu,bob,,\n");

        Roster roster = Roster.read(file);

        assertEquals(new Student("Martin, Alice", "alice@x.edu", null, "1001", null, "A"),
                roster.student("alice").orElseThrow());
        assertEquals(new Student(null, "bob@x.edu", null, null, null, null), roster.student("bob").orElseThrow());
        assertEquals(List.of("alice", "bob"), roster.entries());
        assertTrue(roster.student("carol").isEmpty());
        assertTrue(roster.warnings().isEmpty(), roster.warnings().toString());
    }

    @Test
    void unknownColumnsAreIgnoredWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, "entry,nickname\nalice,Al\n");

        Roster roster = Roster.read(file);

        assertEquals(List.of("roster column 'nickname' is not one of entry, name, email, login, lms_user_id,"
                + " sis_user_id, section; it is ignored"), roster.warnings());
    }

    @Test
    void aRosterWithoutEntryColumnOrWithADuplicateIsRefusedNamingTheProblem(@TempDir Path dir) throws Exception {
        Path noEntry = dir.resolve("a.csv");
        Files.writeString(noEntry, "name,email\nAlice,a@x.edu\n");
        Path twice = dir.resolve("b.csv");
        Files.writeString(twice, "entry\nalice\nalice\n");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Roster.read(noEntry)).getMessage()
                .contains("has no 'entry' column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Roster.read(twice)).getMessage()
                .contains("lists entry 'alice' twice (row 3)"));
    }

    @Test
    void aByteOrderMarkBlankLinesAndCrlfEndingsAsSpreadsheetsSaveThemAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, "\uFEFFentry,email\r\n\r\nalice,a@x.edu\r\n");

        Roster roster = Roster.read(file);

        assertEquals("a@x.edu", roster.student("alice").orElseThrow().email());
        assertEquals(List.of("alice"), roster.entries());
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedAsAnUnreadableRoster(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, "entry,name\nalice,\"Martin\n");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Roster.read(file)).getMessage()
                .startsWith("cannot read the roster " + file));
    }

    @Test
    void aRosterInAnotherEncodingIsRefusedNamingTheLineAndHowToSaveIt(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "entry,name\nbob,Bob\nalice,Alic\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "\uFEFFentry\nalice\n".getBytes(StandardCharsets.UTF_16LE));

        String latin1Problem = assertThrows(IllegalArgumentException.class, () -> Roster.read(latin1)).getMessage();
        String utf16Problem = assertThrows(IllegalArgumentException.class, () -> Roster.read(utf16)).getMessage();

        assertTrue(latin1Problem.contains("is not UTF-8 text: line 3 has the byte 0xE9 (in Windows-1252 or Latin-1,"
                + " '\u00e9')"), latin1Problem);
        assertTrue(latin1Problem.endsWith("save it as CSV in UTF-8 (in a spreadsheet: \"CSV UTF-8\") and run again"),
                latin1Problem);
        assertTrue(utf16Problem.contains("is UTF-16 text"), utf16Problem);
    }
}
