package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import kata.grader.publish.Publisher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kata's public checks run the way an IDE runs them: the classes compiled by the IDE on the plain
 * class path, the JUnit Platform console launcher as the runner, and no -javaagent or Surefire
 * argument anywhere. The support library attaches its agent itself, so the verdicts are those of
 * Maven and the grader: the reference solution passes every check, a known-wrong one fails exactly
 * the check its bug breaks. On JDK 17 and, where installed, on JDK 25.
 */
class IdeRunIT {

    private static final Path ROOT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = Path.of(System.getProperty("kata.ide.launcher"));
    private static final String KATA = "traffic-light";

    @ParameterizedTest
    @ValueSource(strings = {"17", "25"})
    void thePublicChecksGiveTheGradersVerdictsInAPlainJUnitRun(String release, @TempDir Path work) throws Exception {
        Path java = release.equals("17") ? Path.of(System.getProperty("java.home"), "bin", "java")
                : Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java), "JDK " + release + " is not installed");
        Course course = Course.load(ROOT, TestRuntime.shipped());
        Path repository = work.resolve("katas");
        Publisher.publish(course, repository);
        Path kata = repository.resolve(KATA);

        Run reference = run(java, kata, ROOT.resolve("solutions").resolve(KATA).resolve("src/main/java"));
        assertEquals(0, reference.failed(), reference.output());
        assertTrue(reference.succeeded() >= 8, reference.output());

        Run wrong = run(java, kata,
                ROOT.resolve("solutions").resolve(KATA).resolve("wrong/notify-instead-of-notifyall/src/main/java"));
        assertEquals(1, wrong.failed(), wrong.output());
        assertTrue(wrong.output().contains("then 1 drove and [car-2, car-3, car-4, car-5] still waited"), wrong.output());
    }

    private record Run(int succeeded, int failed, String output) {
    }

    /** Compiles the kata with the given main sources as an IDE would, then runs its tests on the plain class path. */
    private static Run run(Path java, Path kata, Path sources) throws Exception {
        Path main = kata.resolve("src/main/java");
        FileTree.deleteRecursively(main);
        FileTree.copyTree(sources, main);
        Path classes = kata.resolve("out/main");
        Path testClasses = kata.resolve("out/test-classes");
        FileTree.deleteRecursively(kata.resolve("out"));
        List<Path> libraries = TestRuntime.shipped().compileClasspath();
        compile(javaFiles(main), List.of(), classes);
        List<Path> testPath = new ArrayList<>(libraries);
        testPath.add(classes);
        compile(javaFiles(kata.resolve("src/test/java")), testPath, testClasses);
        FileTree.copyTree(kata.resolve("src/test/resources"), testClasses);

        List<String> classpath = new ArrayList<>(List.of(classes.toString(), testClasses.toString()));
        for (Path library : libraries) {
            // The launcher brings the JUnit Platform and Jupiter itself, as an IDE does.
            if (!library.getFileName().toString().startsWith("junit-")) {
                classpath.add(library.toString());
            }
        }
        classpath.add(LAUNCHER.toString());
        Process process = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classpath),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--disable-ansi-colors",
                "--details=tree", "--select-package", "kata.light")
                .directory(kata.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return new Run(count(output, "tests successful"), count(output, "tests failed"), output);
    }

    private static int count(String output, String what) {
        Matcher matcher = Pattern.compile("\\[\\s*(\\d+) " + what + "\\s*]").matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static List<Path> javaFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static void compile(List<Path> files, List<Path> classpath, Path into) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", into.toString(), "-proc:none"));
        if (!classpath.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        files.forEach(file -> arguments.add(file.toString()));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertEquals(0, status, "javac " + arguments);
    }
}
