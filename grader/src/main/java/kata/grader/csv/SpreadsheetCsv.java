package kata.grader.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets and gradebooks: RFC 4180 (quoted when needed, CRLF line ends), and no cell
 * that a spreadsheet would run as a formula. Names, notes and messages come from students, so a
 * cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    /** Every row, each CRLF-terminated; null cells are empty. */
    public static String write(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::neutralised).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The cell as a spreadsheet will show it, never as a formula. */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }
}
