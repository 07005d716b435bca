package kata.support.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a kata the way the grader does: the student's sources with {@code javac --release} against
 * the JDK alone, so that code which compiles here compiles for the grader too. Class files of an
 * earlier run are removed first, so a class that no longer compiles cannot be run from an old build.
 */
final class Compilation {

    private Compilation() {
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes}.
     *
     * @param classpath what the sources may use besides the JDK
     * @param what        the first line of the message, e.g. "Your code does not compile"
     * @return {@code what}, how many errors, and the first one as a student reads it (file and line,
     *         the line itself, a caret); empty when it compiled
     */
    static Optional<String> compile(Path kataDirectory, Path sources, List<Path> classpath, Path classes,
                                    String release, String what) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler (javac): run Maven with a JDK, not a JRE");
        }
        deleteClassFiles(classes);
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> options = new ArrayList<>(List.of("--release", release, "-g", "-proc:none",
                    "-implicit:none", "-encoding", "UTF-8", "-d", classes.toString()));
            if (!classpath.isEmpty()) {
                options.add("-classpath");
                options.add(classpath.stream().map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator)));
            }
            boolean compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (compiled) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (errors.isEmpty()) {
            return Optional.of(what + ": javac failed without saying why.");
        }
        String first = render(kataDirectory, errors.get(0));
        return Optional.of(errors.size() == 1 ? what + " (1 error):\n" + first
                : what + " (" + errors.size() + " errors; the first often causes the others):\n" + first);
    }

    private static String render(Path kataDirectory, Diagnostic<? extends JavaFileObject> error) {
        String message = error.getMessage(Locale.ROOT);
        if (error.getSource() == null) {
            return "error: " + message;
        }
        Path file = Path.of(error.getSource().toUri()).toAbsolutePath().normalize();
        Path base = kataDirectory.toAbsolutePath().normalize();
        String shown = (file.startsWith(base) ? base.relativize(file) : file.getFileName()).toString()
                .replace('\\', '/');
        String location = shown + ":" + error.getLineNumber() + ": " + message;
        String line = sourceLine(file, error.getLineNumber());
        if (line == null || error.getColumnNumber() < 1) {
            return location;
        }
        return location + "\n    " + line + "\n    " + " ".repeat((int) error.getColumnNumber() - 1) + "^";
    }

    private static String sourceLine(Path file, long number) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return number >= 1 && number <= lines.size() ? lines.get((int) number - 1).replace('\t', ' ') : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteClassFiles(Path classes) {
        if (!Files.isDirectory(classes)) {
            return;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (file.toString().endsWith(".class")) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the class files of an earlier run from " + classes, e);
        }
    }
}
