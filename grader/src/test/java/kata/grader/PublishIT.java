package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.course.TestRuntime;
import kata.grader.scorecards.ScorecardSchemaTest;
import kata.grader.files.FileTree;
import kata.grader.publish.Publisher;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student sees, through Maven exactly as a student runs it, in the published repository:
 * `mvn verify` on the stubs reports the stubs' messages, each once, and ends with the table of all
 * katas and the one next step; with the reference solutions every visible point; a kata that stops
 * compiling scores 0 with the compiler's first error and keeps its maximum, in a fresh clone and
 * after a passing run; one kata runs alone with -pl. Every scorecard written is valid.
 */
class PublishIT {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();

    @Test
    void theStudentsBuildReportsEveryKataTruthfullyAndEndsWithTheTableAndTheNextStep(@TempDir Path work)
            throws Exception {
        Course course = Course.load(ROOT, TestRuntime.shipped());
        Path repository = work.resolve("katas");
        Publisher.publish(course, repository);
        breakCompilation(repository, "semaphore-limit", "kata/limit/Limiter.java");

        Maven stubs = mvn(repository, List.of("verify"));
        assertEquals(0, stubs.status(), "failing checks are a verdict, not a broken build:\n" + stubs.log());
        assertOnce(stubs.log(), "Counter.get() is not written yet");
        assertTrue(stubs.log().contains("Bank.transfer(from, to, amount) is not written yet"), stubs.log());
        assertTheTableIsLast(stubs.log());
        JsonNode fresh = scorecard(repository);
        double courseMax = fresh.get("max_score").asDouble();
        assertEquals(0, fresh.get("score").asDouble(), "stubs score 0");
        assertEquals(course.exercises().size(), fresh.get("exercises").size(), "a kata that does not compile is there");
        assertDoesNotCompile(stubs.log(), exercise(fresh, "semaphore-limit"), "Limiter.java:1: ';' expected");

        for (Exercise exercise : course.exercises()) {
            FileTree.copyTree(ROOT.resolve("solutions").resolve(exercise.slug()).resolve("src/main/java"),
                    repository.resolve(exercise.slug()).resolve("src/main/java"));
        }
        Maven solved = mvn(repository, List.of("verify"));
        assertEquals(0, solved.status(), solved.log());
        JsonNode card = scorecard(repository);
        assertEquals(courseMax, card.get("max_score").asDouble(), "the maximum never changes");
        assertEquals(courseMax, card.get("score").asDouble(), "every visible point");
        assertTrue(lastLine(solved.log()).startsWith("Next: every public check passes"), solved.log());
        assertTheClassroomWorkflowReportsEveryVisiblePoint(repository, card);

        Maven one = mvn(repository, List.of("verify", "-pl", "fix-the-race", "-am"));
        assertEquals(0, one.status(), one.log());
        assertTrue(one.log().contains("Fix the race (fix-the-race): 5 of 5 public checks passed"), one.log());

        assertAFailingScheduleReplaysAndPassesOnceFixed(repository);

        // After a passing run (its classes and scorecard still in target/): the kata that stopped
        // compiling scores 0 with the compiler's first error, not its earlier result. The whole
        // course's table with a kata that does not compile is the stubs' run above.
        breakCompilation(repository, "fix-the-race", "kata/race/Counter.java");
        Maven brokenAlone = mvn(repository, List.of("verify", "-pl", "fix-the-race", "-am"));
        assertEquals(0, brokenAlone.status(), brokenAlone.log());
        assertOnce(brokenAlone.log(), "Counter.java:1: ';' expected");
        assertTrue(brokenAlone.log().contains("Fix the race (fix-the-race): 0 of 9 points."), brokenAlone.log());
        assertEquals("Start with the problem above, under \"fix-the-race\".", lastLine(brokenAlone.log()));
        JsonNode alone = new ObjectMapper().readTree(validScorecard(repository.resolve("fix-the-race")));
        assertDoesNotCompile(brokenAlone.log(), exercise(alone, "fix-the-race"), "Counter.java:1: ';' expected");
    }

    /**
     * A racy Counter fails two-increments with a replay token; `mvn verify -Dkata.replay=<token>` runs
     * exactly that schedule and fails the same way; with the solution back, the same command passes.
     */
    private static void assertAFailingScheduleReplaysAndPassesOnceFixed(Path repository) throws Exception {
        Path sources = repository.resolve("fix-the-race/src/main/java");
        FileTree.copyTree(ROOT.resolve("solutions/fix-the-race/wrong/unsynchronized/src/main/java"), sources);
        List<String> kata = List.of("verify", "-pl", "fix-the-race", "-am");
        Maven racy = mvn(repository, kata);
        assertTrue(racy.log().contains("FAIL  two-increments"), racy.log());
        Matcher token = Pattern.compile("fix-the-race, two-increments:[\\s\\S]*?-Dkata\\.replay=(\\S+)")
                .matcher(racy.log());
        assertTrue(token.find(), "a failing interleaving names its replay token:\n" + racy.log());
        List<String> replay = Stream.concat(kata.stream(), Stream.of("-Dkata.replay=" + token.group(1))).toList();

        Maven replayed = mvn(repository, replay);
        assertTrue(replayed.log().contains("FAIL  two-increments"), replayed.log());
        assertTrue(replayed.log().contains("-Dkata.replay=" + token.group(1) + " "), "the same schedule:\n"
                + replayed.log());

        FileTree.copyTree(ROOT.resolve("solutions/fix-the-race/src/main/java"), sources);
        Maven fixed = mvn(repository, replay);
        assertTrue(fixed.log().contains("kata.replay: this check ran only the schedule " + token.group(1)
                + ", and it passed"), fixed.log());
        assertTrue(fixed.log().contains("ok    two-increments"), fixed.log());
    }

    private static void breakCompilation(Path repository, String kata, String file) throws Exception {
        Path source = repository.resolve(kata).resolve("src/main/java").resolve(file);
        Files.writeString(source, Files.readString(source).replaceFirst(";", ""));
    }

    private static void assertDoesNotCompile(String log, JsonNode exercise, String firstError) {
        assertEquals("error", exercise.get("status").asText(), exercise.toString());
        assertEquals(0, exercise.get("score").asDouble(), exercise.toString());
        assertTrue(exercise.get("max_score").asDouble() > 0, "the kata keeps its maximum: " + exercise);
        assertTrue(exercise.get("message").asText().contains(firstError), exercise.toString());
        assertOnce(log, firstError);
    }

    /** What a terminal shows when the build ends: the table of all katas, then the one next step. */
    private static void assertTheTableIsLast(String log) {
        List<String> lines = visibleLines(log);
        int table = lines.lastIndexOf("Your katas: public checks (hidden checks are graded later by your instructor)");
        assertTrue(table >= 0, log);
        List<String> tail = lines.subList(table, lines.size());
        assertTrue(tail.get(tail.size() - 2).startsWith("  total "), String.join("\n", tail));
        assertTrue(tail.get(tail.size() - 1).startsWith("Next: "), String.join("\n", tail));
        assertTrue(tail.stream().noneMatch(l -> l.startsWith("[")), "no Maven output after the table:\n" + log);
    }

    private static void assertOnce(String log, String message) {
        int first = log.indexOf(message);
        assertTrue(first >= 0, message + " is missing:\n" + log);
        assertEquals(-1, log.indexOf(message, first + 1), message + " is printed more than once:\n" + log);
    }

    private static String lastLine(String log) {
        List<String> lines = visibleLines(log);
        return lines.get(lines.size() - 1);
    }

    /** The lines a terminal shows, without colour codes and blank lines. */
    private static List<String> visibleLines(String log) {
        return log.lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")).filter(l -> !l.isBlank()).toList();
    }

    private static JsonNode scorecard(Path repository) throws Exception {
        return new ObjectMapper().readTree(validScorecard(repository));
    }

    /** The scorecard a build wrote in this folder's target/, checked against the shipped schema. */
    private static String validScorecard(Path folder) throws Exception {
        String json = Files.readString(folder.resolve("target/scorecard.json"));
        assertEquals(Set.of(), ScorecardSchemaTest.violations(json), json);
        return json;
    }

    private static JsonNode exercise(JsonNode card, String slug) {
        for (JsonNode exercise : card.get("exercises")) {
            if (exercise.get("slug").asText().equals(slug)) {
                return exercise;
            }
        }
        throw new AssertionError(slug + " is not in the scorecard: " + card);
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
        // The invoker pumps stdout and stderr on two threads: appends must not interleave inside a line.
        StringBuffer log = new StringBuffer();
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
