package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kata.grader.course.Course;
import kata.grader.course.Resources;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.scorecards.ScorecardSchemaTest;
import kata.grader.report.ConsoleSummary;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.Schedule;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files of the grader's own output on the shipped samples, as in Exercism's test runners:
 * what a student reads is pinned, and any change to it shows up as a diff to review. Times,
 * durations and the JDK are normalised. Regenerate with {@code -Dkata.golden.update=true}.
 */
class SamplesGoldenTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Scorecard> GRADED = new ConcurrentHashMap<>();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static synchronized Scorecard graded(String sample) {
        return GRADED.computeIfAbsent(sample, name -> Grader.of(Course.shipped()).withClock(FIXED)
                .grade(Resources.folder("kata-samples").resolve(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "racy", "deadlocking", "does-not-compile"})
    void theScorecardOfEachSampleMatchesItsGoldenFile(String sample) throws IOException {
        String json = normalise(ScorecardJson.write(graded(sample)));

        assertEquals(Set.of(), ScorecardSchemaTest.violations(json));
        compare(sample + ".json", json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "racy", "deadlocking", "does-not-compile"})
    void theConsoleSummaryOfEachSampleMatchesItsGoldenFile(String sample) throws IOException {
        compare(sample + ".txt", ConsoleSummary.render(graded(sample)).replaceAll("@[0-9a-f]{4,8}\\b", "@*"));
    }

    /**
     * The samples are assembled by the build from folders of solutions/; a folder that was renamed
     * would silently make its kata "not submitted" and the goldens would pin that.
     */
    @ParameterizedTest
    @ValueSource(strings = {"racy", "deadlocking"})
    void theRacyAndDeadlockingSamplesSubmitBothOfTheirKatas(String sample) {
        Scorecard card = graded(sample);
        for (String slug : List.of("fix-the-race", "break-the-deadlock")) {
            assertEquals(List.of(slug), card.exercises().stream()
                    .filter(e -> e.slug().equals(slug) && e.status() != ExerciseStatus.NOT_SUBMITTED)
                    .map(ExerciseResult::slug).toList(), sample + " submits " + slug);
        }
    }

    /** The test JVM sends the failing schedule with the result; the instructor's report draws it. */
    @Test
    void aCheckThatFailedOnAScheduleCarriesItsThreadsAndSteps() {
        CheckResult twoIncrements = graded("racy").exercises().stream().filter(e -> e.slug().equals("fix-the-race"))
                .flatMap(e -> e.checks().stream()).filter(c -> c.id().equals("two-increments")).findFirst()
                .orElseThrow();

        Schedule schedule = twoIncrements.schedule();
        assertEquals(2, schedule.threads().size(), schedule.toString());
        assertTrue(schedule.steps().stream().anyMatch(step -> step.location().startsWith("Counter.java:")),
                schedule.toString());
        assertTrue(schedule.steps().stream().map(Schedule.Step::thread).filter(t -> !t.isEmpty()).distinct().count() == 2,
                schedule.toString());
    }

    private static String normalise(String json) {
        return json.replaceAll("\"duration_millis\" : \\d+", "\"duration_millis\" : 0")
                .replaceAll("\"(jdk|jdk_vendor|os|version|isolation)\" : \"[^\"]*\"", "\"$1\" : \"*\"")
                .replaceAll("\"cpus\" : \\d+", "\"cpus\" : 0")
                .replaceAll("@[0-9a-f]{4,8}\\b", "@*");
    }

    private static void compare(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("kata.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            if (!Boolean.getBoolean("kata.golden.update")) {
                fail("wrote new golden file " + golden + ": review it and commit it");
            }
            return;
        }
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            Path review = Path.of("target/golden-actual").resolve(name);
            Files.createDirectories(review.getParent());
            Files.writeString(review, actual);
            assertEquals(expected, actual, "output changed; compare with " + review
                    + " and regenerate with -Dkata.golden.update=true if the change is intended");
        }
    }
}
