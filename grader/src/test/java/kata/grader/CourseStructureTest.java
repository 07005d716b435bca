package kata.grader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.course.CheckSpec;
import kata.grader.course.Course;
import kata.grader.course.TestBundle;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every kata of the course is complete, its README tells the truth, and nothing hidden leaks. */
class CourseStructureTest {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath().normalize();
    static final Course COURSE = Course.load(ROOT, TestRuntime.shipped());

    @TestFactory
    Stream<DynamicTest> everyExerciseIsComplete() {
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(), () -> {
            Path solutions = ROOT.resolve("solutions").resolve(exercise.slug());
            assertTrue(Files.isRegularFile(exercise.publicDir().resolve("README.md")), "README.md");
            assertTrue(Files.isRegularFile(exercise.publicDir().resolve("pom.xml")), "pom.xml");
            assertTrue(!FileTree.javaFiles(solutions.resolve("src/main/java")).isEmpty(), "reference solution");
            List<Path> wrong = directories(solutions.resolve("wrong"));
            assertTrue(wrong.size() >= 3, "at least three known-wrong solutions, found " + wrong.size());
            for (Path solution : wrong) {
                assertTrue(Files.isRegularFile(solution.resolve("expected.json")), solution + "/expected.json");
                assertTrue(!FileTree.javaFiles(solution.resolve("src/main/java")).isEmpty(), solution + " sources");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStubMethodSaysWhatToDo() {
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(), () -> {
            for (Path stub : FileTree.javaFiles(exercise.stubSources())) {
                String source = Files.readString(stub);
                if (exercise.providedFiles().stream().noneMatch(p -> stub.endsWith(p))) {
                    assertTrue(source.contains("throw new UnsupportedOperationException(\""),
                            stub + " should throw UnsupportedOperationException with a helpful text");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeListsThePublicChecksAndThePoints() {
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(), () -> {
            String readme = Files.readString(exercise.publicDir().resolve("README.md"));
            TestBundle bundle = COURSE.bundle(exercise);
            for (CheckSpec check : bundle.checks()) {
                if (!check.hidden()) {
                    assertTrue(readme.contains("`" + check.id() + "`"), "README names public check " + check.id());
                }
            }
            String total = "**" + points(bundle.maxScore()) + " points**";
            assertTrue(readme.contains(total), "README gives the total " + total);
        }));
    }

    @TestFactory
    Stream<DynamicTest> nothingHiddenIsInTheStudentRepository() throws IOException {
        List<Path> studentFiles;
        try (Stream<Path> files = Files.walk(ROOT.resolve("exercises"))) {
            studentFiles = files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")).toList();
        }
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(), () -> {
            for (Path hidden : FileTree.javaFiles(exercise.hiddenTestSources())) {
                String name = hidden.getFileName().toString();
                String type = name.substring(0, name.length() - ".java".length());
                for (Path file : studentFiles) {
                    assertTrue(!file.getFileName().toString().equals(name), file + " has a hidden test's name");
                    if (file.toString().endsWith(".java") || file.toString().endsWith(".md")) {
                        assertTrue(!Files.readString(file).contains(type), file + " mentions hidden " + type);
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theStudentRepositoryBuildsEveryKata() throws IOException {
        String pom = Files.readString(ROOT.resolve("exercises/pom.xml"));
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(),
                () -> assertTrue(pom.contains("<module>" + exercise.slug() + "</module>"),
                        "exercises/pom.xml lists " + exercise.slug())));
    }

    @TestFactory
    Stream<DynamicTest> theKataIndexListsEveryKataWithItsPoints() throws IOException {
        String index = Files.readString(ROOT.resolve("exercises/README.md"));
        return COURSE.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.slug(), () -> {
            assertTrue(index.contains("[" + exercise.slug() + "](" + exercise.slug() + "/README.md)"),
                    "exercises/README.md links " + exercise.slug());
            String row = index.lines().filter(l -> l.contains("(" + exercise.slug() + "/README.md)")).findFirst()
                    .orElseThrow();
            assertTrue(row.contains("| " + points(COURSE.bundle(exercise).maxScore()) + " |"),
                    "points of " + exercise.slug() + " in: " + row);
        }));
    }

    private static String points(double value) {
        return kata.grader.scorecards.Points.text(value);
    }

    private static List<Path> directories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }
}
