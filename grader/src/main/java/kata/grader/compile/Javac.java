package kata.grader.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in the grader's own JVM (no process start, no build tool): Java 17 class files, UTF-8,
 * no annotation processing, nothing on the class path but what the caller names.
 */
public final class Javac {

    /** Errors reported per compilation; the rest are summarized. */
    private static final int MAX_ERRORS = 10;

    private Javac() {
    }

    /** A compilation error, located in a source file. */
    public record Problem(Path file, long line, long column, String message) {
    }

    /**
     * What a compilation produced.
     *
     * @param success true when class files were written
     * @param errors  the first errors, in order
     * @param total   how many errors javac reported
     */
    public record Result(boolean success, List<Problem> errors, int total) {
    }

    /** Access to javac's view of the parsed and attributed sources. */
    public record Analysis(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
    }

    public static Result compile(List<Path> sources, List<Path> classpath, Path outputDir) {
        return compile(sources, classpath, outputDir, analysis -> { });
    }

    /**
     * Compiles the sources; when they attribute without errors, {@code afterAnalysis} sees them
     * before class files are written.
     */
    public static Result compile(List<Path> sources, List<Path> classpath, Path outputDir,
                                 Consumer<Analysis> afterAnalysis) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in this runtime (" + System.getProperty("java.home")
                    + "): run the grader with a JDK, not a JRE.");
        }
        try {
            Files.createDirectories(outputDir);
            Path emptyClasspath = Files.createTempDirectory("kata-empty-classpath");
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
                    StandardCharsets.UTF_8)) {
                String path = classpath.isEmpty() ? emptyClasspath.toString()
                        : classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
                List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none",
                        "-implicit:none", "-g", "-nowarn", "-Xlint:none", "-Xmaxerrs", "100",
                        "-classpath", path, "-sourcepath", emptyClasspath.toString(),
                        "-d", outputDir.toString());
                JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources));
                boolean success = run(task, diagnostics, afterAnalysis);
                return result(success, diagnostics);
            } finally {
                Files.deleteIfExists(emptyClasspath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean run(JavacTask task, DiagnosticCollector<JavaFileObject> diagnostics,
                               Consumer<Analysis> afterAnalysis) throws IOException {
        Iterable<? extends CompilationUnitTree> units = task.parse();
        task.analyze();
        if (hasErrors(diagnostics)) {
            return false;
        }
        afterAnalysis.accept(new Analysis(task, units));
        task.generate();
        return !hasErrors(diagnostics);
    }

    private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    private static Result result(boolean success, DiagnosticCollector<JavaFileObject> diagnostics) {
        List<Problem> errors = new ArrayList<>();
        int total = 0;
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            total++;
            if (errors.size() < MAX_ERRORS) {
                Path file = diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
                errors.add(new Problem(file, diagnostic.getLineNumber(), diagnostic.getColumnNumber(),
                        diagnostic.getMessage(Locale.ENGLISH)));
            }
        }
        return new Result(success && total == 0, errors, total);
    }
}
