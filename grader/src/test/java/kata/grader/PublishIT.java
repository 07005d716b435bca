package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import kata.grader.publish.Publisher;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student sees, through Maven exactly as a student runs it: in the published repository,
 * `mvn verify` on the stubs fails with the stubs' messages and prints the summary; with the
 * reference solutions it passes with every visible point; one kata runs alone with -pl.
 */
class PublishIT {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();

    @Test
    void theStubsFailWithTheirMessagesAndTheSolutionsGetEveryVisiblePoint(@TempDir Path work) throws Exception {
        Course course = Course.load(ROOT, TestRuntime.shipped());
        Path repository = work.resolve("katas");
        Publisher.publish(course, repository);

        Maven stubs = mvn(repository, List.of("verify"));
        assertNotEquals(0, stubs.status(), "stubs must fail their public checks");
        assertTrue(stubs.log().contains("Counter.increment() is not written yet"), stubs.log());
        assertTrue(stubs.log().contains("Bank.transfer(from, to, amount) is not written yet"), stubs.log());
        assertTrue(stubs.log().contains("Your katas (public checks"), "the summary runs although katas failed");

        for (Exercise exercise : course.exercises()) {
            FileTree.copyTree(ROOT.resolve("solutions").resolve(exercise.slug()).resolve("src/main/java"),
                    repository.resolve(exercise.slug()).resolve("src/main/java"));
        }
        Maven solved = mvn(repository, List.of("verify"));
        assertEquals(0, solved.status(), solved.log());
        JsonNode card = new ObjectMapper().readTree(repository.resolve("target/scorecard.json").toFile());
        assertEquals(course.exercises().size(), card.get("exercises").size());
        assertEquals(card.get("max_score").asDouble(), card.get("score").asDouble(), "every visible point");
        assertTheClassroomWorkflowReportsEveryVisiblePoint(repository, card);

        Maven one = mvn(repository, List.of("verify", "-pl", "fix-the-race", "-am"));
        assertEquals(0, one.status(), one.log());
        assertTrue(one.log().contains("Fix the race (fix-the-race): 5 of 5 public checks passed"), one.log());
    }

    /** What .github/workflows/classroom.yml hands to the GitHub Classroom reporter (REFERENCE.md 2). */
    private static void assertTheClassroomWorkflowReportsEveryVisiblePoint(Path repository, JsonNode card)
            throws Exception {
        assumeTrue(onPath("jq"), "jq (preinstalled on GitHub's runners) is not installed here");
        Process jq = new ProcessBuilder("jq", "-c", "-f", ".github/classroom-result.jq", "target/scorecard.json")
                .directory(repository.toFile()).redirectErrorStream(true).start();
        String output = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jq.waitFor(), output);
        JsonNode result = new ObjectMapper().readTree(output);
        assertEquals(1, result.get("version").asInt());
        assertEquals("pass", result.get("status").asText(), output);
        assertEquals(card.get("max_score").asDouble(), result.get("max_score").asDouble());
        double sum = 0;
        for (JsonNode test : result.get("tests")) {
            assertEquals("pass", test.get("status").asText(), test.toString());
            for (String field : List.of("name", "message", "test_code", "filename", "line_no", "duration")) {
                assertTrue(test.has(field), field + " in " + test);
            }
            sum += test.get("score").asDouble();
        }
        assertEquals(card.get("max_score").asDouble(), sum, "the tests' scores add up to the maximum");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private record Maven(int status, String log) {
    }

    private static Maven mvn(Path repository, List<String> arguments) throws Exception {
        StringBuilder log = new StringBuilder();
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(repository.toFile())
                .setGoals(List.of(arguments.get(0)))
                .addArgs(arguments.subList(1, arguments.size()))
                .setBatchMode(true)
                .setOutputHandler(line -> log.append(line).append('\n'))
                .setErrorHandler(line -> log.append(line).append('\n'));
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(new File(System.getProperty("maven.home")));
        InvocationResult result = invoker.execute(request);
        return new Maven(result.getExitCode(), log.toString());
    }
}
