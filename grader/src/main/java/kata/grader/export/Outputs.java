package kata.grader.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import kata.grader.files.AtomicFile;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;

/** What the formats share: atomic files, one-file-per-submission layout, numbers and texts. */
final class Outputs {

    private Outputs() {
    }

    static Path write(Path file, String text) {
        return AtomicFile.write(file, text);
    }

    /**
     * One file per scorecard: {@code out/<submission><suffix>} in a directory, or {@code out}
     * itself when there is exactly one scorecard and {@code out} ends with the suffix's extension.
     */
    static List<Path> perSubmission(List<Scorecard> cards, Path out, String suffix,
                                    Function<Scorecard, String> render) throws IOException {
        String extension = suffix.substring(suffix.lastIndexOf('.'));
        List<Path> written = new ArrayList<>();
        if (cards.size() == 1 && out.getFileName().toString().endsWith(extension) && !Files.isDirectory(out)) {
            written.add(write(out, render.apply(cards.get(0))));
            return written;
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

    /** Points as people write them: 3, 2.5, 0.33 (two decimals at most, as gradebooks compare). */
    static String points(double value) {
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static long millis(Scorecard card) {
        return card.exercises().stream().mapToLong(ExerciseResult::durationMillis).sum();
    }

    /** "Fix the race: 9 of 14 points" per exercise, one per line. */
    static String exerciseLines(Scorecard card) {
        StringBuilder text = new StringBuilder();
        for (ExerciseResult exercise : card.exercises()) {
            text.append(exercise.title()).append(": ").append(points(exercise.score())).append(" of ")
                    .append(points(exercise.maxScore())).append(" points (")
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

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
