package kata.grader.batch;

import java.io.IOException;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
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
        // Spreadsheets save a byte-order mark; blank lines are skipped.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (CSVRecord record : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
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
