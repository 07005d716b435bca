package kata.grader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets and gradebooks read it: RFC 4180, and no formula a student could plant. */
class SpreadsheetCsvTest {

    private static List<List<String>> read(String text) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords().stream().map(CSVRecord::toList).toList();
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksSurviveARoundTripWithCrlfEndings() throws IOException {
        List<List<String>> rows = List.of(List.of("name", "note"), List.of("Li, \"Bobby\"", "line 1\nline 2"),
                List.of("", "plain"));

        String text = SpreadsheetCsv.write(rows);

        assertEquals(rows, read(text));
        assertEquals("name,note\r\n", text.substring(0, text.indexOf('\n') + 1));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreKeptAsText() throws IOException {
        List<List<String>> rows = List.of(List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx",
                "plain", "3.5", ""));

        List<String> written = read(SpreadsheetCsv.write(rows)).get(0);

        assertEquals(List.of("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain", "3.5",
                ""), written);
    }
}
