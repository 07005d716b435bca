package kata.grader.batch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kata.grader.classresults.StudentRow;
import kata.support.score.Student;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Who each entry belongs to: a CSV with a header row naming, in any order, {@code entry}
 * (required: the submission's folder name, or the zip's name without {@code .zip}) and any of
 * {@code name, email, login, lms_user_id, sis_user_id, section} (may be blank).
 */
public final class Roster {

    static final List<String> COLUMNS = StudentRow.IDENTITY_COLUMNS;

    /** Far above any class's roster: a bigger file is the wrong one. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Map<String, Student> students;
    private final List<String> warnings;

    private Roster(Map<String, Student> students, List<String> warnings) {
        this.students = students;
        this.warnings = warnings;
    }

    public static Roster empty() {
        return new Roster(new LinkedHashMap<>(), List.of());
    }

    /** @throws IllegalArgumentException naming the line when the roster cannot be used */
    public static Roster read(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(text(file)))) {
                rows.add(record.toList());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the roster " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the roster " + file + " is empty; it needs a header row with 'entry'");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("entry")) {
            throw new IllegalArgumentException("the roster " + file + " has no 'entry' column; its header is: "
                    + String.join(",", rows.get(0)));
        }
        List<String> warnings = new ArrayList<>();
        header.stream().filter(h -> !COLUMNS.contains(h))
                .forEach(h -> warnings.add("roster column '" + h + "' is not one of " + String.join(", ", COLUMNS)
                        + "; it is ignored"));
        Map<String, Student> students = new LinkedHashMap<>();
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            String entry = cell(header, row, "entry");
            if (entry == null) {
                throw new IllegalArgumentException("the roster " + file + " has a row without an entry (row "
                        + (line + 1) + ")");
            }
            Student student = new Student(cell(header, row, "name"), cell(header, row, "email"),
                    cell(header, row, "login"), cell(header, row, "lms_user_id"), cell(header, row, "sis_user_id"),
                    cell(header, row, "section"));
            if (students.putIfAbsent(entry, student) != null) {
                throw new IllegalArgumentException("the roster " + file + " lists entry '" + entry + "' twice (row "
                        + (line + 1) + ")");
            }
        }
        return new Roster(students, List.copyOf(warnings));
    }

    /**
     * The roster's text, which must be UTF-8 (with or without the byte-order mark spreadsheets
     * write): a roster in another encoding is refused, naming the line, rather than read with its
     * names garbled into every scorecard.
     */
    private static String text(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("the roster " + file + " is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB; is it the right file?");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw new IllegalArgumentException("the roster " + file + " is UTF-16 text (\"Unicode text\"); save it as"
                    + " CSV in UTF-8 (in a spreadsheet: \"CSV UTF-8\") and run again");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            int at = input.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the roster %s is not UTF-8 text: line %d"
                    + " has the byte 0x%02X (in Windows-1252 or Latin-1, '%s'); save it as CSV in UTF-8 (in a"
                    + " spreadsheet: \"CSV UTF-8\") and run again", file, line, bytes[at] & 0xFF,
                    new String(bytes, at, 1, java.nio.charset.Charset.forName("windows-1252"))));
        }
        String text = output.flip().toString();
        // Spreadsheets save a byte-order mark.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String cell(List<String> header, List<String> row, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    public Optional<Student> student(String entry) {
        return Optional.ofNullable(students.get(entry));
    }

    /** Every entry the roster names, in its order. */
    public List<String> entries() {
        return List.copyOf(students.keySet());
    }

    public boolean isEmpty() {
        return students.isEmpty();
    }

    public List<String> warnings() {
        return warnings;
    }
}
