package kata.grader.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.grader.csv.SpreadsheetCsv;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;
import kata.support.score.Student;
import kata.grader.scorecards.Points;

/**
 * Moodle grade import: an identifier column (email, username, idnumber or userid, mapped in
 * Moodle's import form), the grade item's column, and its feedback column. Grade and feedback are
 * what the moment shows: checks not shown yet are neither named nor counted.
 */
public final class MoodleCsv implements LmsExport {

    @Override
    public String name() {
        return "moodle-csv";
    }

    @Override
    public String description() {
        return "Moodle grade import CSV: identifier (--moodle-id), grade and feedback columns";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        ExportOptions.MoodleIdentifier identifier = options.moodleIdentifier();
        List<String> warnings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(identifier.header(), options.title(), options.title() + " feedback"));
        for (StudentRow row : Outputs.graded(results)) {
            Student student = row.student() != null ? row.student() : row.card().student();
            String id = identity(student, identifier);
            if (id == null || id.isBlank()) {
                warnings.add(row.entry() + ": no " + identifier.header() + " in the roster, so no Moodle row");
                continue;
            }
            if (row.status() != RowStatus.GRADED) {
                warnings.add(row.entry() + ": " + row.status().words() + ", grade left blank");
                rows.add(List.of(id, "", Scoring.firstLine(row.card().exercises().isEmpty() ? row.note()
                        : row.card().exercises().get(0).message())));
                continue;
            }
            Scorecard view = StudentView.of(row.card(), options.moment());
            rows.add(List.of(id, Points.text(view.score()), feedback(view)));
        }
        return new Written(List.of(Outputs.write(out, SpreadsheetCsv.write(rows))), warnings);
    }

    private static String identity(Student student, ExportOptions.MoodleIdentifier identifier) {
        if (student == null) {
            return null;
        }
        return switch (identifier) {
            case EMAIL -> student.email();
            case USERNAME -> student.login();
            case IDNUMBER -> student.sisUserId();
            case USERID -> student.lmsUserId();
        };
    }

    /** Per exercise its points and the checks not passed, by name. */
    static String feedback(Scorecard view) {
        List<String> parts = new ArrayList<>();
        for (ExerciseResult exercise : view.exercises()) {
            StringBuilder part = new StringBuilder(exercise.title()).append(": ")
                    .append(Points.text(exercise.score())).append('/').append(Points.text(exercise.maxScore()));
            if (exercise.status() == ExerciseStatus.ERROR || exercise.status() == ExerciseStatus.NOT_SUBMITTED) {
                parts.add(part.append(" (").append(Scoring.firstLine(exercise.message()).replaceAll("[.:]+$", ""))
                        .append(')').toString());
                continue;
            }
            List<String> missed = exercise.checks().stream().filter(c -> c.status() != CheckStatus.PASSED)
                    .map(CheckResult::name).toList();
            if (!missed.isEmpty()) {
                part.append(" (not passed: ").append(String.join("; ", missed)).append(')');
            }
            parts.add(part.toString());
        }
        return String.join(". ", parts);
    }
}
