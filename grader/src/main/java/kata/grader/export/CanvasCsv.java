package kata.grader.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * Canvas gradebook import: {@code Student,ID,SIS User ID,SIS Login ID,Section,<Title> (<id>)},
 * then a {@code Points Possible} row, then one row per scorecard with its total. Canvas matches
 * students by ID, then SIS User ID, then SIS Login ID, then name.
 */
public final class CanvasCsv implements LmsExport {

    static final List<String> IDENTITY = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");

    @Override
    public String name() {
        return "canvas-csv";
    }

    @Override
    public String description() {
        return "Canvas gradebook CSV with the Points Possible row; needs --assignment-id";
    }

    @Override
    public Written write(List<Scorecard> scorecards, Path out, ExportOptions options) throws IOException {
        if (options.assignmentId() == null || options.assignmentId().isBlank()) {
            throw new IllegalArgumentException("canvas-csv needs --assignment-id: the number in the assignment's"
                    + " Canvas address, so that the column reads '" + options.title() + " (<id>)'");
        }
        List<String> warnings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(IDENTITY);
        header.add(options.title() + " (" + options.assignmentId().strip() + ")");
        rows.add(header);
        double maximum = scorecards.stream().mapToDouble(Scorecard::maxScore).max().orElse(0);
        rows.add(List.of("Points Possible", "", "", "", "", Outputs.points(maximum)));
        for (Scorecard card : scorecards) {
            Student student = card.student();
            if (student == null || blank(student.lmsUserId()) && blank(student.sisUserId()) && blank(student.login())) {
                warnings.add(card.submissionId() + ": no Canvas ID, SIS user id or login in the roster; Canvas can"
                        + " only match this row by name");
            }
            String name = student != null && !blank(student.name()) ? student.name() : card.submissionId();
            rows.add(List.of(name, text(student == null ? null : student.lmsUserId()),
                    text(student == null ? null : student.sisUserId()), text(student == null ? null : student.login()),
                    text(student == null ? null : student.section()), Outputs.points(card.score())));
        }
        return new Written(List.of(Outputs.write(out, Csv.write(rows))), warnings);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
