package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Schedule;
import kata.support.score.Scorecard;
import kata.support.Visibility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export, at every moment, shows students only what each check's visibility allows then:
 * no name, id, message or output of another check, and totals made of the shown checks alone
 * (once grades are published, the points of hidden checks count, nothing else of them).
 */
class ExportVisibilityTest {

    /** Each check carries a token in its id, name, message and output: finding it is a leak. */
    private static final Map<Visibility, String> TOKEN = Map.of(Visibility.VISIBLE, "tokvisible",
            Visibility.AFTER_DUE_DATE, "tokafterdue", Visibility.AFTER_PUBLISHED, "tokafterpublished",
            Visibility.HIDDEN, "tokhidden");

    @TempDir
    Path dir;

    private static CheckResult check(Visibility visibility, String suffix, boolean passed, double points) {
        String token = TOKEN.get(visibility) + suffix;
        return new CheckResult("id-" + token, "Name " + token, CheckKind.TEST, visibility,
                passed ? CheckStatus.PASSED : CheckStatus.FAILED, passed ? points : 0, points,
                passed ? "" : "Message " + token, 10, "Output " + token, false,
                new Schedule(List.of("worker"), List.of(new Schedule.Step("worker", "lane-" + token, "", 1)), 0));
    }

    /** Visible 1 (passed), after the due date 2 (passed), after publication 4 (passed), hidden 8 (passed) and 16 (failed). */
    static Scorecard card() {
        ExerciseResult race = new ExerciseResult("fix-the-race", "Fix the race", ExerciseStatus.FAILED, 15, 31,
                "4 of 5 checks passed, 15 of 31 points.", 100, List.of(
                check(Visibility.VISIBLE, "", true, 1), check(Visibility.AFTER_DUE_DATE, "", true, 2),
                check(Visibility.AFTER_PUBLISHED, "", true, 4), check(Visibility.HIDDEN, "one", true, 8),
                check(Visibility.HIDDEN, "two", false, 16)));
        return new Scorecard(Scorecard.SCHEMA_VERSION, new Scorecard.GraderInfo("kata-grader", "1.0.0"), "alice",
                Cards.alice(), Cards.GRADED_AT, new Scorecard.Environment("17.0.15", "Temurin", "Linux", 2, "bubblewrap"), 15, 31,
                List.of(race));
    }

    /** What the students see at each moment: score and maximum. */
    private static double[] expected(Moment moment) {
        return switch (moment) {
            case BEFORE_DUE_DATE -> new double[] {1, 1};
            case AFTER_DUE_DATE -> new double[] {3, 3};
            case AFTER_PUBLISHED -> new double[] {15, 31};
        };
    }

    static Stream<Arguments> everyFormatAtEveryMoment() {
        List<Arguments> cases = new ArrayList<>();
        for (LmsExport format : Exports.all()) {
            for (Moment moment : Moment.values()) {
                cases.add(Arguments.of(format.name(), moment));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyFormatAtEveryMoment")
    void studentsSeeOnlyWhatTheMomentAllows(String name, Moment moment) throws IOException {
        LmsExport format = Exports.named(name);
        boolean perFile = !name.endsWith("-csv");
        Path out = dir.resolve(perFile ? "out" : "out.csv");

        format.write(Exports.of(List.of(card())), out, ExportOptions.defaults().at(moment));

        // Gradescope applies each test's visibility itself: what it shows at this moment is what counts.
        String seen = name.equals("gradescope") ? gradescopeSeen(out, moment) : readAll(out);
        boolean listsChecks = !List.of("lti-ags", "canvas-csv", "moodle-csv").contains(name);
        for (Visibility visibility : Visibility.values()) {
            String token = TOKEN.get(visibility);
            // A failing schedule is drawn for the instructor only, whatever the check's visibility.
            assertFalse(seen.contains("lane-" + token), name + " at " + moment + " shows a schedule in\n" + seen);
            if (!moment.shows(visibility)) {
                assertFalse(seen.contains(token), name + " at " + moment + " leaks " + token + " in\n" + seen);
            } else if (listsChecks) {
                assertTrue(seen.contains(token), name + " at " + moment + " misses " + token + " in\n" + seen);
            }
        }
        double[] total = expected(moment);
        switch (name) {
            case "lti-ags" -> {
                JsonNode score = json(out.resolve("001-alice.json"));
                assertEquals(total[0], score.get("scoreGiven").asDouble());
                assertEquals(total[1], score.get("scoreMaximum").asDouble());
            }
            case "canvas-csv" -> {
                List<List<String>> rows = Cards.csv(out);
                assertEquals(points(total[1]), rows.get(1).get(5));
                assertEquals(points(total[0]), rows.get(2).get(5));
            }
            case "moodle-csv" -> assertEquals(points(total[0]), Cards.csv(out).get(1).get(1));
            case "junit-xml" -> {
                String xml = Files.readString(out.resolve("alice.xml"));
                assertTrue(xml.contains("name=\"score\" value=\"" + points(total[0]) + "\"")
                        && xml.contains("name=\"max_score\" value=\"" + points(total[1]) + "\""), xml);
            }
            case "github-classroom" -> {
                JsonNode result = json(out.resolve("alice.json"));
                assertEquals(total[1], result.get("max_score").asDouble());
                double sum = 0;
                for (JsonNode test : result.get("tests")) {
                    sum += test.get("score").asDouble();
                }
                assertEquals(total[0], sum);
            }
            case "prairielearn" -> assertEquals(total[0] / total[1],
                    json(out.resolve("alice/results.json")).get("score").asDouble(), 1e-9);
            case "gradescope" -> assertTrue(Files.readString(out.resolve("alice/results.json"))
                    .contains("Fix the race: 1 of 1 points"), "the always-visible output counts visible checks alone");
            case "exercism" -> assertEquals(List.of(), List.of(), "Exercism shows no total");
            default -> throw new AssertionError("a format this test does not know: " + name);
        }
    }

    /** Gradescope: the top-level output (always shown) and the tests whose visibility allows them now. */
    private static String gradescopeSeen(Path out, Moment moment) throws IOException {
        JsonNode results = json(out.resolve("alice/results.json"));
        StringBuilder seen = new StringBuilder(results.get("output").asText());
        for (JsonNode test : results.get("tests")) {
            Visibility visibility = Visibility.valueOf(test.get("visibility").asText().toUpperCase(java.util.Locale.ROOT));
            if (moment.shows(visibility)) {
                seen.append('\n').append(test);
            }
        }
        return seen.toString();
    }

    private static String readAll(Path out) throws IOException {
        if (Files.isRegularFile(out)) {
            return Files.readString(out);
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static String points(double value) {
        return kata.grader.scorecards.Points.text(value);
    }
}
