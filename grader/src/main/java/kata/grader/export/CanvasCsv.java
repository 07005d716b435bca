package kata.grader.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.grader.csv.SpreadsheetCsv;
import kata.support.score.Scorecard;
import kata.support.score.Student;
import kata.grader.scorecards.Points;

/**
 * Canvas gradebook import: {@code Student,ID,SIS User ID,SIS Login ID,Section,<Title> (<id>)},
 * then a {@code Points Possible} row, then one row per student with the total the moment shows.
 * Without an assignment id the column is just {@code <Title>}, and Canvas creates a new
 * assignment from it. Canvas matches students by ID, then SIS User ID, then SIS Login ID, then
 * name. A student without a verdict (unreadable archive) gets a blank: no score, not a 0.
 */
public final class CanvasCsv implements LmsExport {

    static final List<String> IDENTITY = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");

    @Override
    public String name() {
        return "canvas-csv";
    }

    @Override
    public String description() {
        return "Canvas gradebook CSV with the Points Possible row (--assignment-id updates an existing assignment)";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        List<String> warnings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(IDENTITY);
        header.add(options.assignmentId() == null ? options.title()
                : options.title() + " (" + options.assignmentId() + ")");
        rows.add(header);
        List<StudentRow> graded = Outputs.graded(results);
        double maximum = graded.stream().mapToDouble(r -> StudentView.of(r.card(), options.moment()).maxScore())
                .max().orElse(0);
        rows.add(List.of("Points Possible", "", "", "", "", Points.text(maximum)));
        for (StudentRow row : graded) {
            Student student = row.student() != null ? row.student() : row.card().student();
            if (student == null || blank(student.lmsUserId()) && blank(student.sisUserId()) && blank(student.login())) {
                warnings.add(row.entry() + ": no Canvas ID, SIS user id or login in the roster; Canvas can"
                        + " only match this row by name");
            }
            String score = "";
            if (row.status() == RowStatus.GRADED) {
                Scorecard view = StudentView.of(row.card(), options.moment());
                score = Points.text(view.score());
            } else {
                warnings.add(row.entry() + ": " + row.status().words() + ", left blank (no score)");
            }
            String name = student != null && !blank(student.name()) ? student.name() : row.entry();
            rows.add(List.of(name, text(student == null ? null : student.lmsUserId()),
                    text(student == null ? null : student.sisUserId()), text(student == null ? null : student.login()),
                    text(student == null ? null : student.section()), score));
        }
        return new Written(List.of(Outputs.write(out, SpreadsheetCsv.write(rows))), warnings);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
