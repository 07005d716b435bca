package kata.grader.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kata.grader.course.CheckSpec;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student repository holds what students need, and nothing of the solutions or the hidden checks. */
class PublishTest {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath().normalize();
    static Course course;
    static Map<Path, String> published;
    static String studentSide;

    @TempDir
    static Path work;

    @BeforeAll
    static void publishTheCourse() throws IOException {
        course = Course.load(ROOT, TestRuntime.shipped());
        Publisher.publish(course, work.resolve("repo"));
        studentSide = String.join("\n", readStudentSide());
        try (Stream<Path> files = Files.walk(work.resolve("repo"))) {
            published = files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    f -> work.resolve("repo").relativize(f), PublishTest::read));
        }
    }

    @Test
    void theRepositoryHasEverythingAStudentNeeds() {
        assertTrue(published.containsKey(Path.of("README.md")));
        assertTrue(published.containsKey(Path.of(".gitignore")));
        assertTrue(published.containsKey(Path.of(".mvn/maven.config")));
        assertTrue(published.containsKey(Path.of("support/pom.xml")));
        assertTrue(published.containsKey(Path.of("summary/pom.xml")));
        assertTrue(published.containsKey(Path.of(".github/workflows/classroom.yml")), "GitHub Classroom workflow");
        assertTrue(published.containsKey(Path.of(".github/classroom-result.jq")), "what the workflow reports");
        String pom = published.get(Path.of("pom.xml"));
        for (Exercise exercise : course.exercises()) {
            assertTrue(pom.contains("<module>" + exercise.slug() + "</module>"), exercise.slug());
            for (String file : List.of("README.md", "pom.xml", "src/test/resources/kata.properties")) {
                assertTrue(published.containsKey(Path.of(exercise.slug(), file)), exercise.slug() + "/" + file);
            }
            for (Path stub : FileTree.javaFiles(exercise.stubSources())) {
                assertTrue(published.containsKey(Path.of(exercise.slug(), "src/main/java")
                        .resolve(exercise.stubSources().relativize(stub))), stub.toString());
            }
        }
        assertTrue(pom.indexOf("<module>support</module>") < pom.indexOf("<module>summary</module>"));
    }

    @Test
    void eachKataKnowsItsPublicChecksInOrderAndItsHiddenPoints() {
        Exercise race = course.find("fix-the-race").orElseThrow();
        String properties = published.get(Path.of("fix-the-race/src/test/resources/kata.properties"));

        assertTrue(properties.contains("title=Fix the race\n"), properties);
        assertTrue(properties.contains("checks=" + course.bundle(race).checks().stream().filter(c -> !c.hidden())
                .map(CheckSpec::id).collect(Collectors.joining(",")) + "\n"), properties);
        double hiddenPoints = course.bundle(race).checks().stream().filter(CheckSpec::hidden)
                .mapToDouble(CheckSpec::points).sum();
        assertTrue(hiddenPoints > 0, "fix-the-race has hidden checks");
        Matcher hiddenLine = Pattern.compile("(?m)^hidden\\.points=(.+)$").matcher(properties);
        assertTrue(hiddenLine.find(), properties);
        assertEquals(hiddenPoints, Double.parseDouble(hiddenLine.group(1)), 1e-9, properties);
    }

    @Test
    void noCompiledCodeIsPublished() {
        assertEquals(Set.of(), published.keySet().stream()
                .filter(p -> p.toString().endsWith(".class") || p.toString().endsWith(".jar"))
                .collect(Collectors.toSet()));
    }

    @Test
    void noLineOfAnySolutionIsPublished() throws IOException {
        // Code that the course's student side has too (starting code, public checks, READMEs quoting
        // a mistake, the support library) proves nothing, e.g. `} catch (InterruptedException e) {`.
        for (Exercise exercise : course.exercises()) {
            for (Path solution : FileTree.javaFiles(ROOT.resolve("solutions").resolve(exercise.slug()))) {
                for (String line : lines(read(solution))) {
                    boolean declaration = line.startsWith("import ") || line.startsWith("package ");
                    if (line.length() >= 25 && !declaration && !studentSide.contains(line)) {
                        published.forEach((path, text) -> assertFalse(text.contains(line),
                                path + " contains a line of " + solution + ": " + line));
                    }
                }
            }
        }
    }

    @Test
    void noHiddenCheckIsPublished() throws IOException {
        // Every string literal (so that matching never starts at a closing quote); long ones are telling.
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        // A text that a public check also has (a shared message) proves nothing.
        for (Exercise exercise : course.exercises()) {
            for (CheckSpec check : course.bundle(exercise).checks()) {
                if (check.hidden()) {
                    String type = check.className().substring(check.className().lastIndexOf('.') + 1);
                    published.forEach((path, text) -> {
                        assertFalse(text.contains(type), path + " names hidden class " + type);
                        assertFalse(text.contains(check.name()), path + " names hidden check " + check.name());
                        assertFalse(text.contains("\"" + check.id() + "\""), path + " has hidden id " + check.id());
                    });
                }
            }
            for (Path hidden : FileTree.javaFiles(exercise.hiddenTestSources())) {
                Matcher strings = literal.matcher(read(hidden));
                while (strings.find()) {
                    String text = strings.group(1);
                    if (text.length() < 20 || studentSide.contains(text)) {
                        continue;
                    }
                    published.forEach((path, content) -> assertFalse(content.contains(text),
                            path + " contains a hidden test's text: " + text));
                }
            }
        }
    }

    /**
     * The files of the course's student side (READMEs quote wrong code on purpose), read from the
     * course rather than from the output.
     */
    private static List<String> readStudentSide() throws IOException {
        Path exercises = ROOT.resolve("exercises");
        try (Stream<Path> files = Files.walk(exercises)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String relative = exercises.relativize(file).toString().replace('\\', '/');
                        return !relative.contains("target/") && !relative.startsWith("support/src/test/");
                    })
                    .map(PublishTest::read).toList();
        }
    }

    @Test
    void nothingOfTheGraderIsPublished() {
        published.forEach((path, text) -> {
            assertFalse(text.contains("kata.grader"), path + " mentions the grader's packages");
            assertFalse(text.contains("grader/specs"), path + " mentions the grading specs");
        });
    }

    @Test
    void publishingIntoANonEmptyDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Publisher.publish(course, dir));

        assertTrue(refused.getMessage().startsWith("refusing to publish into"), refused.getMessage());
        assertEquals("mine", read(dir.resolve("notes.txt")));
    }

    private static Set<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
