package kata.grader.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kata.grader.intake.ExerciseSources;
import kata.grader.text.StudentText;

/**
 * Compiles a student's main sources for one exercise, against the JDK alone, in a compiler JVM of
 * its own ({@link CompilerProcess}): the sources are untrusted input to javac.
 */
public final class StudentCompiler {

    private StudentCompiler() {
    }

    /**
     * The outcome of compiling.
     *
     * @param classes where class files went (when successful)
     * @param message empty on success; else the errors, as a student reads them
     */
    public record Outcome(boolean success, Path classes, String message) {
    }

    /** Characters of a source line shown around the error: a 5 MB line must not make a 5 MB scorecard. */
    private static final int LINE_WIDTH = 160;
    private static final int MESSAGE_LIMIT = 2_000;

    public static Outcome compile(ExerciseSources sources, Path classes) {
        Javac.Result result;
        try {
            result = CompilerProcess.compile(sources.files(), List.of(), classes);
        } catch (CompilerProcess.LimitExceeded e) {
            return new Outcome(false, classes, "Your code could not be compiled: "
                    + StudentText.clean(e.getMessage(), MESSAGE_LIMIT) + ". Look for a"
                    + " constant built from itself many times over, or code nested very deeply.");
        }
        if (result.success()) {
            return new Outcome(true, classes, "");
        }
        StringBuilder text = new StringBuilder("Your code does not compile (")
                .append(result.total()).append(result.total() == 1 ? " error" : " errors").append("):");
        for (Javac.Problem problem : result.errors()) {
            text.append('\n').append(render(sources, problem));
        }
        if (result.total() > result.errors().size()) {
            text.append("\n... and ").append(result.total() - result.errors().size()).append(" more");
        }
        return new Outcome(false, classes, text.toString());
    }

    private static String render(ExerciseSources sources, Javac.Problem problem) {
        if (problem.file() == null) {
            return "error: " + StudentText.clean(problem.message(), MESSAGE_LIMIT);
        }
        Path exerciseDir = sources.sourceRoot().getParent().getParent().getParent();
        Path file = problem.file().toAbsolutePath().normalize();
        Path shown = file.startsWith(exerciseDir.toAbsolutePath().normalize())
                ? exerciseDir.toAbsolutePath().normalize().relativize(file) : file.getFileName();
        String location = shown.toString().replace('\\', '/') + ":" + problem.line();
        String message = StudentText.clean(problem.message(), MESSAGE_LIMIT);
        String line = sourceLine(problem.file(), problem.line());
        if (line == null) {
            return location + ": " + message;
        }
        StudentText.Window window = StudentText.window(line, (int) problem.column(), LINE_WIDTH);
        String caret = window.column() > 0 ? " ".repeat(window.column() - 1) + "^" : "";
        return location + ": " + message + "\n    " + window.text() + "\n    " + caret;
    }

    private static String sourceLine(Path file, long number) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return number >= 1 && number <= lines.size() ? lines.get((int) number - 1).replace('\t', ' ') : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
