package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moodle grade import CSV, as specified: one identifier column, a grade column and its feedback column. */
class MoodleCsvTest {

    @TempDir
    Path dir;

    @Test
    void theIdentifierGradeAndFeedbackColumnsMapToMoodleFields() throws IOException {
        Path out = dir.resolve("moodle.csv");

        new MoodleCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), out,
                new ExportOptions("Lab 1", null, null));

        List<List<String>> rows = Cards.csv(out);
        assertEquals(List.of("email", "Lab 1", "Lab 1 feedback"), rows.get(0));
        assertEquals("alice@example.edu", rows.get(1).get(0));
        assertEquals("3", rows.get(1).get(1));
        // Before the due date: the visible checks alone, named; the others neither named nor counted.
        assertEquals("Fix the race: 3/7 (not passed: Check two-increments)."
                + " Break the deadlock: 0/5 (Your code does not compile (1 error))", rows.get(1).get(2));
    }

    @Test
    void feedbackNeverNamesAHiddenCheck() throws IOException {
        Path out = dir.resolve("moodle.csv");

        new MoodleCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), out,
                ExportOptions.defaults());

        String feedback = Cards.csv(out).get(1).get(2);
        assertFalse(feedback.contains("five-workers") || feedback.contains("No sleeping"), feedback);
        new MoodleCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), out,
                Cards.published());
        String published = Cards.csv(out).get(1).get(2);
        assertEquals("Fix the race: 3/10 (not passed: Check two-increments; Check five-workers; Other checks (not"
                + " shown), not passed). Break the deadlock: 0/5 (Your code does not compile (1 error))", published);
    }

    @Test
    void eachIdentifierTakesItsFieldFromTheRoster() throws IOException {
        for (ExportOptions.MoodleIdentifier identifier : ExportOptions.MoodleIdentifier.values()) {
            Path out = dir.resolve(identifier + ".csv");
            new MoodleCsv().write(Exports.of(List.of(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT))), out,
                    new ExportOptions(null, null, identifier));

            List<List<String>> rows = Cards.csv(out);
            assertEquals(identifier.header(), rows.get(0).get(0));
            assertEquals(switch (identifier) {
                case EMAIL -> "alice@example.edu";
                case USERNAME -> "amartin";
                case IDNUMBER -> "S-1";
                case USERID -> "1001";
            }, rows.get(1).get(0));
        }
    }

    @Test
    void aStudentWithoutTheIdentifierIsLeftOutWithAWarning() throws IOException {
        LmsExport.Written written = new MoodleCsv().write(Exports.of(List.of(Cards.perfect("zed", null, Cards.GRADED_AT))),
                dir.resolve("m.csv"), ExportOptions.defaults());

        assertEquals(1, Cards.csv(dir.resolve("m.csv")).size(), "only the header");
        assertTrue(written.warnings().get(0).startsWith("zed: no email"), written.warnings().toString());
    }
}
