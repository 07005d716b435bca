package kata.grader.export;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.StudentRow;
import kata.grader.files.AtomicFile;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.grader.scorecards.Points;

/** What the formats share: atomic files, one-file-per-submission layout, numbers and texts. */
final class Outputs {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Outputs() {
    }

    static Path write(Path file, String text) {
        return AtomicFile.write(file, text);
    }

    static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows that have a scorecard, in entry order. */
    static List<StudentRow> graded(ClassResults results) {
        return results.rows().stream().filter(r -> r.card() != null).toList();
    }

    /**
     * One file per scorecard: {@code out/<submission><suffix>} in a directory, or {@code out}
     * itself when there is exactly one scorecard and {@code out} ends with the suffix's extension.
     *
     * @throws IllegalArgumentException when {@code out} names one file but there are several scorecards
     */
    static List<Path> perSubmission(ClassResults results, Path out, String suffix,
                                    Function<Scorecard, String> render) {
        List<Scorecard> cards = graded(results).stream().map(StudentRow::card).toList();
        String extension = suffix.substring(suffix.lastIndexOf('.'));
        boolean oneFile = out.getFileName().toString().endsWith(extension) && !Files.isDirectory(out);
        List<Path> written = new ArrayList<>();
        if (oneFile && cards.size() == 1) {
            written.add(write(out, render.apply(cards.get(0))));
            return written;
        }
        if (oneFile) {
            throw new IllegalArgumentException(cards.size() + " scorecards make " + cards.size() + " files, one per"
                    + " submission (<out>/<id>" + suffix + "): give --out a folder, not " + out.getFileName());
        }
        for (Scorecard card : cards) {
            written.add(write(out.resolve(safeName(card.submissionId()) + suffix), render.apply(card)));
        }
        return written;
    }

    /** A submission id as a file name: letters, digits, dot, dash and underscore kept. */
    static String safeName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static long millis(Scorecard card) {
        return card.exercises().stream().mapToLong(ExerciseResult::durationMillis).sum();
    }

    /** "Fix the race: 9 of 14 points (failed)" per exercise, one per line. */
    static String exerciseLines(Scorecard card) {
        StringBuilder text = new StringBuilder();
        for (ExerciseResult exercise : card.exercises()) {
            text.append(exercise.title()).append(": ").append(Points.text(exercise.score())).append(" of ")
                    .append(Points.text(exercise.maxScore())).append(" points (")
                    .append(exercise.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(")\n");
        }
        return text.toString();
    }

    /** The check's message, then what the student's code printed, if anything. */
    static String messageAndOutput(CheckResult check) {
        String text = check.message() == null ? "" : check.message();
        if (check.output() != null && !check.output().isEmpty()) {
            text += (text.isEmpty() ? "" : "\n\n") + "Output of your code:\n" + check.output()
                    + (check.outputTruncated() ? "\n[output truncated]" : "");
        }
        return text;
    }
}
