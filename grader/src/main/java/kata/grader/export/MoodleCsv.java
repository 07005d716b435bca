package kata.grader.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kata.support.Visibility;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * Moodle grade import: an identifier column (email, username, idnumber or userid, mapped in
 * Moodle's import form), the grade item's column, and its feedback column. Feedback names only
 * visible checks; the others are counted, so the export never reveals a hidden check.
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
    public Written write(List<Scorecard> scorecards, Path out, ExportOptions options) throws IOException {
        ExportOptions.MoodleIdentifier identifier = options.moodleIdentifier();
        List<String> warnings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(identifier.header(), options.title(), options.title() + " feedback"));
        for (Scorecard card : scorecards) {
            String id = identity(card.student(), identifier);
            if (id == null || id.isBlank()) {
                warnings.add(card.submissionId() + ": no " + identifier.header() + " in the roster, so no Moodle row");
                continue;
            }
            rows.add(List.of(id, Outputs.points(card.score()), feedback(card)));
        }
        return new Written(List.of(Outputs.write(out, Csv.write(rows))), warnings);
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

    static String feedback(Scorecard card) {
        List<String> parts = new ArrayList<>();
        for (ExerciseResult exercise : card.exercises()) {
            StringBuilder part = new StringBuilder(exercise.title()).append(": ")
                    .append(Outputs.points(exercise.score())).append('/').append(Outputs.points(exercise.maxScore()));
            if (exercise.status() == ExerciseStatus.ERROR || exercise.status() == ExerciseStatus.NOT_SUBMITTED) {
                parts.add(part.append(" (").append(Outputs.firstLine(exercise.message()).replaceAll("[.:]+$", ""))
                        .append(')').toString());
                continue;
            }
            List<String> missed = new ArrayList<>();
            int otherMissed = 0;
            for (CheckResult check : exercise.checks()) {
                if (check.status() == CheckStatus.PASSED) {
                    continue;
                }
                if (check.visibility() == Visibility.VISIBLE) {
                    missed.add(check.name());
                } else {
                    otherMissed++;
                }
            }
            if (!missed.isEmpty()) {
                part.append(" (not passed: ").append(String.join("; ", missed)).append(')');
            }
            if (otherMissed > 0) {
                part.append(" (").append(otherMissed).append(otherMissed == 1 ? " hidden check" : " hidden checks")
                        .append(" not passed)");
            }
            parts.add(part.toString());
        }
        return String.join(". ", parts);
    }
}
