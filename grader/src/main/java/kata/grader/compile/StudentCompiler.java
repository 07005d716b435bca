package kata.grader.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kata.grader.intake.ExerciseSources;

/** Compiles a student's main sources for one exercise, against the JDK alone. */
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

    public static Outcome compile(ExerciseSources sources, Path classes) {
        Javac.Result result = Javac.compile(sources.files(), List.of(), classes);
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
            return "error: " + problem.message();
        }
        Path exerciseDir = sources.sourceRoot().getParent().getParent().getParent();
        Path file = problem.file().toAbsolutePath().normalize();
        Path shown = file.startsWith(exerciseDir.toAbsolutePath().normalize())
                ? exerciseDir.toAbsolutePath().normalize().relativize(file) : file.getFileName();
        String location = shown.toString().replace('\\', '/') + ":" + problem.line();
        String line = sourceLine(problem.file(), problem.line());
        if (line == null) {
            return location + ": " + problem.message();
        }
        String caret = problem.column() > 0 ? " ".repeat((int) problem.column() - 1) + "^" : "";
        return location + ": " + problem.message() + "\n    " + line + "\n    " + caret;
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
