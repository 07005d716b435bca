package kata.grader.redteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kata.grader.Fixtures;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.run.JvmOptions;
import kata.grader.run.OsSandbox;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks that only the operating system's sandbox stops: the exercise's spec allows files, so the
 * static rules let each one run. Each is graded twice: in the sandbox the probe finds nothing; with
 * the sandbox off it finds what it was after (so the case tests the sandbox, not luck), unless a
 * defence that holds without the sandbox (the test JVM's clean environment) stops it too. In the
 * sandbox, finds-the-hidden-checks-on-disk also needs the checks' classes to reach the test JVM
 * in memory (before, their folder was bound into the sandbox and named on its command line).
 */
class OsSandboxRedTeamTest {

    /** The same path as in the submission reads-a-file-of-the-host. */
    private static final Path HOST_SECRET = Path.of("/tmp/kata-redteam-host-secret.txt");
    private static final String SECRET = "host-secret-5d21";
    private static final Map<String, Scorecard> SANDBOXED = new ConcurrentHashMap<>();
    private static final Map<String, Scorecard> UNCONFINED = new ConcurrentHashMap<>();

    /**
     * @param name                     the submission's folder under {@code redteam/os-submissions}
     * @param containedWithoutSandbox  whether a defence outside the sandbox stops it as well
     */
    record Attack(String name, boolean containedWithoutSandbox) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Attack> attacks() {
        return List.of(new Attack("reads-a-file-of-the-host", false),
                new Attack("writes-into-its-own-classes", false),
                new Attack("finds-the-hidden-checks-on-disk", false),
                new Attack("sees-the-hosts-network", false),
                new Attack("sees-the-hosts-processes", false),
                new Attack("reads-the-graders-environment", true));
    }

    @BeforeAll
    static void gradeEveryAttackInAndOutOfTheSandbox() throws Exception {
        Optional<String> unavailable = OsSandbox.probe(JvmOptions.defaults().java());
        assumeTrue(unavailable.isEmpty(), () -> "no operating-system sandbox on this host: " + unavailable.get());
        Files.writeString(HOST_SECRET, SECRET);
        Course course = Course.load(Fixtures.resource("redteam/os-course"), TestRuntime.shipped());
        Grader sandboxed = Grader.of(course).withJvm(JvmOptions.defaults().withSandbox(OsSandbox.Mode.REQUIRED));
        Grader unconfined = Grader.of(course).withJvm(JvmOptions.defaults().withSandbox(OsSandbox.Mode.OFF));
        for (Attack attack : attacks()) {
            Path submission = Fixtures.resource("redteam/os-submissions").resolve(attack.name());
            SANDBOXED.put(attack.name(), sandboxed.grade(submission));
            UNCONFINED.put(attack.name(), unconfined.grade(submission));
        }
    }

    @AfterAll
    static void removeTheSecret() throws Exception {
        Files.deleteIfExists(HOST_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void inTheSandboxTheAttackFindsNothing(Attack attack) {
        CheckResult check = contained(SANDBOXED.get(attack.name()));

        assertEquals(CheckStatus.PASSED, check.status(), check.message());
        assertFalse(check.message().contains(SECRET) || check.output().contains(SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void withoutTheSandboxTheAttackSucceedsUnlessAnotherDefenceHolds(Attack attack) {
        assumeTrue(!attack.name().equals("finds-the-hidden-checks-on-disk")
                || System.getenv("XDG_CACHE_HOME") == null, "the grader's cache is elsewhere than the probe looks");
        CheckResult check = contained(UNCONFINED.get(attack.name()));

        assertEquals(attack.containedWithoutSandbox() ? CheckStatus.PASSED : CheckStatus.FAILED, check.status(),
                check.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theScorecardSaysHowTheTestJvmWasConfined(Attack attack) {
        assertEquals("bubblewrap", SANDBOXED.get(attack.name()).environment().isolation());
        assertEquals("none", UNCONFINED.get(attack.name()).environment().isolation());
    }

    private static CheckResult contained(Scorecard card) {
        return card.exercises().get(0).checks().stream().filter(c -> c.id().equals("contained")).findFirst()
                .orElseThrow(() -> new AssertionError("no check 'contained' in " + card));
    }
}
