package kata.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of all katas counts only what this build found, and always every kata with its maximum. */
class SummaryTest {

    private static final Instant BUILD_START = Instant.parse("2026-03-01T10:00:00.000Z");

    @Test
    void aResultFromAnEarlierBuildIsNotShownAsCurrentAndTheMaximumStays(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<modules>\n<module>support</module>\n<module>alpha</module>\n"
                + "<module>beta</module>\n<module>summary</module>\n</modules>");
        kata(root, "alpha", "checks=one,two\ncheck.one.points=1\ncheck.two.points=2\ncheck.two.kind=rule\n");
        kata(root, "beta", "checks=three\ncheck.three.points=4\n");
        passed(root, "alpha", BUILD_START.minusSeconds(60));
        passed(root, "beta", BUILD_START.plusSeconds(5));

        Summary.main(new String[] {root.toString(), BUILD_START.toString()});

        Scorecard card = Scorecards.read(root.resolve("target/scorecard.json")).orElseThrow();
        assertEquals(List.of(ExerciseStatus.ERROR, ExerciseStatus.PASSED),
                card.exercises().stream().map(ExerciseResult::status).toList());
        assertEquals(List.of(3.0, 4.0), card.exercises().stream().map(ExerciseResult::maxScore).toList());
        assertEquals(4, card.score());
        assertEquals(7, card.maxScore());
    }

    private static void kata(Path root, String name, String properties) throws IOException {
        Path file = root.resolve(name).resolve(KataDescription.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "slug=" + name + "\ntitle=" + name + "\n" + properties);
    }

    /** A scorecard in which every check of the kata passed, written at that time. */
    private static void passed(Path root, String name, Instant at) {
        KataDescription kata = KataDescription.of(root.resolve(name));
        Map<String, CheckOutcome> outcomes = new HashMap<>();
        kata.checks().forEach(c -> outcomes.put(c.id(), CheckOutcome.of(CheckStatus.PASSED, "")));
        Scorecard now = Scorecards.of(List.of(Scoring.scored(name, name, kata.checks(), outcomes, 1)));
        Scorecards.write(new Scorecard(now.schemaVersion(), now.grader(), now.submissionId(), null, at,
                now.environment(), now.score(), now.maxScore(), now.exercises()),
                root.resolve(name).resolve("target").resolve(Scorecards.FILE));
    }

    @Test
    void aKataDescriptionListsItsPublicChecksInReadingOrder(@TempDir Path root) throws IOException {
        kata(root, "alpha", "hidden.points=8\nchecks=one,two\ncheck.one.name=One\ncheck.one.points=1\n"
                + "check.two.points=2.5\ncheck.two.kind=rule\n");

        KataDescription kata = KataDescription.of(root.resolve("alpha"));

        assertEquals(8.0, kata.hiddenPoints());
        assertEquals(List.of(new KataDescription.PublicCheck("one", "One", CheckKind.TEST, Visibility.VISIBLE, 1),
                new KataDescription.PublicCheck("two", "two", CheckKind.RULE, Visibility.VISIBLE, 2.5)),
                kata.checks());
    }
}
