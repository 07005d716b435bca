package kata.grader.redteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kata.grader.Fixtures;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.files.FileTree;
import kata.grader.scorecards.ScorecardJson;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken submissions ({@link RedTeamCases}): every one ends with a scorecard that
 * gives the attacked exercise what it earned and says why, leaves the other exercises alone, and
 * changes no file and leaves no process behind. All are graded once, up front, two at a time.
 */
class RedTeamTest {

    private static final Map<String, Scorecard> GRADED = new ConcurrentHashMap<>();
    private static Path built;
    private static Map<String, String> filesBefore;

    @BeforeAll
    static void gradeEverySubmission() throws Exception {
        built = Files.createTempDirectory("kata-redteam-");
        Path nonUtf8 = submissionWithANonUtf8FileName(built.resolve(RedTeamCases.NON_UTF8_NAME));
        Path hugeLine = submissionWithAHugeLine(built.resolve(RedTeamCases.HUGE_LINE));
        filesBefore = files();
        Grader grader = Grader.of(Course.load(Fixtures.resource("redteam/course"), TestRuntime.shipped()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (RedTeamCase redTeamCase : RedTeamCases.ALL) {
                Path submission = redTeamCase.name().equals(RedTeamCases.NON_UTF8_NAME) ? nonUtf8
                        : redTeamCase.name().equals(RedTeamCases.HUGE_LINE) ? hugeLine
                        : submissions().resolve(redTeamCase.name());
                pool.submit(() -> GRADED.put(redTeamCase.name(), grader.grade(submission)));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.MINUTES), "grading the red team took too long");
        }
    }

    @AfterAll
    static void removeTheBuiltSubmission() {
        FileTree.deleteRecursively(built);
    }

    static List<RedTeamCase> cases() {
        return RedTeamCases.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAttackedExerciseScoresWhatItEarnedAndSaysWhy(RedTeamCase redTeamCase) {
        ExerciseResult target = exercise(redTeamCase.name(), "target");

        assertEquals(redTeamCase.status(), target.status(), said(target));
        assertEquals(redTeamCase.score(), target.score(), said(target));
        assertTrue(said(target).contains(redTeamCase.said()), said(target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOtherExercisesOfTheSubmissionAreUnaffected(RedTeamCase redTeamCase) {
        ExerciseResult bystander = exercise(redTeamCase.name(), "bystander");

        if (redTeamCase.name().equals("is-empty")) {
            assertEquals(ExerciseStatus.NOT_SUBMITTED, bystander.status());
        } else {
            assertEquals(ExerciseStatus.PASSED, bystander.status(), said(bystander));
            assertEquals(1, bystander.score());
        }
    }

    @Test
    void theCatalogueHasACaseForEverySubmissionAndAtLeastFiftyFive() {
        Set<String> folders;
        try (Stream<Path> list = Files.list(submissions())) {
            folders = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folders.add(RedTeamCases.NON_UTF8_NAME);
        folders.add(RedTeamCases.HUGE_LINE);

        assertEquals(folders, RedTeamCases.ALL.stream().map(RedTeamCase::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(RedTeamCases.ALL.size() >= 55, RedTeamCases.ALL.size() + " cases");
    }

    @Test
    void aStaticViolationNamesTheForbiddenCallAndQuotesTheStudentsLine() {
        ExerciseResult exits = exercise("exits-from-the-test-thread", "target");

        assertEquals("None of your code was run, because it calls System.exit(int) at"
                + " src/main/java/target/Target.java:10: ending the JVM would end the checks; return or throw"
                + " instead.\n  src/main/java/target/Target.java:10: calls System.exit(int)\n      System.exit(0);",
                exits.message());
        assertTrue(exits.checks().stream().allMatch(c -> c.status() == CheckStatus.ERROR));
    }

    @Test
    void socketsWhereTheSpecAllowsThemWorkOnTheLoopbackAddressOnly() {
        ExerciseResult loopback = exercise("echoes-on-the-loopback-address", "echo");
        ExerciseResult remote = exercise("echoes-to-a-remote-host", "echo");
        ExerciseResult everyAddress = exercise("serves-on-every-address", "echo");

        assertEquals(ExerciseStatus.PASSED, loopback.status(), said(loopback));
        assertEquals(ExerciseStatus.ERROR, remote.status());
        assertTrue(remote.message().startsWith("None of your code was run, because it creates Socket(String, int)"
                + " at src/main/java/echo/Echo.java:8: only sockets on the loopback address are allowed"),
                remote.message());
        assertTrue(everyAddress.message().startsWith("None of your code was run, because it creates"
                + " ServerSocket(int) at src/main/java/echo/Echo.java:8: only sockets on the loopback address"),
                everyAddress.message());
    }

    @Test
    void aForgedResultLineIsOnlyOutputAndTheRealVerdictStands() {
        CheckResult works = check("prints-a-forged-result-line", "works");

        assertEquals(CheckStatus.FAILED, works.status());
        assertTrue(works.output().contains("{\"event\":\"result\",\"id\":\"works\",\"status\":\"passed\""),
                works.output());
    }

    @Test
    void floodsOfOutputAreReportedAndKeptSmall() {
        CheckResult works = check("prints-100-mb", "works");

        assertTrue(works.output().length() < 20_000, works.output().length() + " characters kept");
    }

    @Test
    void hugeAndHostileTextIsCutAndMadeSafeBeforeItIsStored() {
        for (String name : List.of("throws-an-8-mb-message-with-terminal-escapes", RedTeamCases.HUGE_LINE)) {
            Scorecard card = GRADED.get(name);
            String json = ScorecardJson.write(card);
            List<String> texts = new java.util.ArrayList<>();
            for (ExerciseResult exercise : card.exercises()) {
                texts.add(exercise.message());
                exercise.checks().forEach(check -> {
                    texts.add(check.message());
                    texts.add(check.output());
                });
            }

            assertTrue(json.length() < 100_000, name + ": " + json.length() + " characters");
            assertTrue(texts.stream().allMatch(RedTeamTest::safe), name);
        }
    }

    /** Nothing a terminal acts on (control characters but newline and tab), no lone surrogate. */
    private static boolean safe(String text) {
        return text == null || (text.chars().allMatch(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                && text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    }

    @Test
    void noScorecardHoldsTheHiddenTestsSecret() {
        for (Map.Entry<String, Scorecard> graded : GRADED.entrySet()) {
            assertFalse(graded.getValue().toString().contains("hidden-test-secret-7f3a"), graded.getKey());
        }
    }

    @Test
    void noFileOfTheSubmissionsOrTheCourseChanged() {
        assertEquals(filesBefore, files());
    }

    @Test
    void noTestJvmOutlivesGrading() {
        List<String> left = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("kata.runner.RunnerMain"))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();

        assertEquals(List.of(), left);
    }

    private static ExerciseResult exercise(String submission, String slug) {
        Scorecard card = GRADED.get(submission);
        assertTrue(card != null, submission + " was not graded");
        return card.exercises().stream().filter(e -> e.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no exercise " + slug));
    }

    private static CheckResult check(String submission, String id) {
        return exercise(submission, "target").checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id));
    }

    /** What the student reads first: the exercise's message, or that of its first check not passed. */
    static String said(ExerciseResult result) {
        if (result.status() == ExerciseStatus.ERROR || result.status() == ExerciseStatus.NOT_SUBMITTED) {
            return result.message();
        }
        return result.checks().stream().filter(c -> c.status() != CheckStatus.PASSED).map(CheckResult::message)
                .findFirst().orElse(result.message());
    }

    private static Path submissions() {
        return Fixtures.resource("redteam/submissions");
    }

    /** The correct submission, but for a 5 MB string constant in Target.java (more than javac takes). */
    private static Path submissionWithAHugeLine(Path submission) throws IOException {
        FileTree.copyTree(submissions().resolve("correct"), submission);
        Files.writeString(submission.resolve("target/src/main/java/target/Huge.java"),
                "package target;\n\nclass Huge {\n    static final String TEXT = \"" + "x".repeat(5_000_000) + "\";\n}\n");
        return submission;
    }

    /**
     * The correct submission plus a helper class in a file whose name is Latin-1, not UTF-8.
     * Java cannot name such a file, so the shell makes it.
     */
    private static Path submissionWithANonUtf8FileName(Path submission) throws Exception {
        FileTree.copyTree(submissions().resolve("correct"), submission);
        Process shell = new ProcessBuilder("sh", "-c", "printf 'package target;\\n\\nclass Helper {\\n}\\n' > \"$1/"
                + "$(printf 'Caf\\351.java')\"", "sh", submission.resolve("target/src/main/java/target").toString())
                .inheritIO().start();
        assertEquals(0, shell.waitFor(), "creating the Latin-1 file name");
        return submission;
    }

    /** Every file of the submissions and the course, with its size and time of last change. */
    private static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        for (Path root : List.of(Fixtures.resource("redteam"), built)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.toList()) {
                    files.put(file.toString(), Files.size(file) + " " + Files.getLastModifiedTime(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
