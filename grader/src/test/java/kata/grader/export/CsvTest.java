package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets and LMSs write and read it. */
class CsvTest {

    @Test
    void fieldsWithCommasQuotesAndLineBreaksSurviveARoundTrip() throws IOException {
        List<List<String>> rows = List.of(List.of("name", "note"), List.of("Li, \"Bobby\"", "line 1\nline 2"),
                List.of("", "plain"));

        assertEquals(rows, Csv.read(new StringReader(Csv.write(rows))));
    }

    @Test
    void aByteOrderMarkAndLfEndingsAndBlankLinesAreAccepted() throws IOException {
        assertEquals(List.of(List.of("entry", "email"), List.of("alice", "a@x")),
                Csv.read(new StringReader("\uFEFFentry,email\n\nalice,a@x\n")));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Csv.read(new StringReader("a,\"b\nc")));
    }
}
