package kata.grader.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import kata.grader.run.JvmOptions;
import kata.grader.selfcheck.Candidate;
import kata.grader.selfcheck.SelfCheck;
import kata.grader.selfcheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new kata made from the template is complete: the self-check accepts it at once. */
class NewExerciseTest {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath().normalize();

    @Test
    void aNewKataPassesTheSelfCheckAndIsListedInTheStudentRepository(@TempDir Path dir) throws IOException {
        Path course = copyOfTheCourse(dir);

        NewExercise.Created created = NewExercise.create(load(course), "tally-up", "Tally up");
        Course withNewKata = load(course);
        List<Candidate> candidates = SelfCheck.candidates(withNewKata, course.resolve("solutions"), List.of("tally-up"));
        List<Verdict> verdicts = SelfCheck.run(Grader.of(withNewKata), candidates, List.of(JvmOptions.defaults()), 2);

        assertEquals("kata.tallyup", created.javaPackage());
        assertEquals(5, verdicts.size(), "reference, stub and three wrong solutions");
        verdicts.forEach(v -> assertTrue(v.ok(), v.candidate().name() + ": " + v.problems()));
        assertTrue(Files.readString(course.resolve("exercises/pom.xml")).contains("<module>tally-up</module>"));
        assertTrue(Files.readString(course.resolve("exercises/README.md"))
                .contains("| [tally-up](tally-up/README.md) |"));
        assertEquals("Tally up", withNewKata.find("tally-up").orElseThrow().title());
    }

    @Test
    void aNameThatIsNotAKataNameIsRefused(@TempDir Path dir) throws IOException {
        Course course = load(copyOfTheCourse(dir));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NewExercise.create(course, "Tally Up", null));

        assertTrue(refused.getMessage().contains("use lower-case words joined by dashes"), refused.getMessage());
    }

    @Test
    void anExistingKataIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Course course = load(copyOfTheCourse(dir));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NewExercise.create(course, "fix-the-race", null));

        assertEquals("a kata named 'fix-the-race' exists already", refused.getMessage());
    }

    private static Course load(Path course) {
        return Course.load(course, TestRuntime.shipped());
    }

    private static Path copyOfTheCourse(Path dir) throws IOException {
        Path course = dir.resolve("course");
        for (String part : List.of("exercises", "solutions", "templates", "grader/specs")) {
            FileTree.copyTree(ROOT.resolve(part), course.resolve(part));
        }
        try (var targets = Files.walk(course)) {
            targets.filter(p -> p.getFileName().toString().equals("target")).toList()
                    .forEach(FileTree::deleteRecursively);
        }
        return course;
    }
}
