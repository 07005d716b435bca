package kata.grader.export;

import java.time.Instant;
import java.util.List;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Schedule;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/** Scorecards built by hand, with every status and visibility, for the export tests. */
public final class Cards {

    public static final Instant GRADED_AT = Instant.parse("2026-03-01T10:15:30.120Z");

    private Cards() {
    }

    public static Student student(String name, String email, String login, String lms, String sis, String section) {
        return new Student(name, email, login, lms, sis, section);
    }

    public static Student alice() {
        return student("Alice Martin", "alice@example.edu", "amartin", "1001", "S-1", "Section A");
    }

    public static Student bob() {
        return student("Bob \"Bobby\" Li, Jr.", "bob@example.edu", "bli", "1002", "S-2", "Section B");
    }

    public static CheckResult check(String id, Visibility visibility, CheckStatus status, double max, String message,
                                    String output) {
        return new CheckResult(id, "Check " + id, CheckKind.TEST, visibility, status,
                status == CheckStatus.PASSED ? max : 0, max, message, 120, output, false, null);
    }

    /** Two threads read the count, then both write it back: one increment is lost. */
    public static Schedule lostUpdate() {
        return new Schedule(List.of("worker-1", "worker-<2>"), List.of(
                new Schedule.Step("worker-1", "reads Counter.count", "Counter.java:12", 1),
                new Schedule.Step("worker-<2>", "reads Counter.count", "Counter.java:12", 1),
                new Schedule.Step("worker-<2>", "writes Counter.count", "Counter.java:12", 1),
                new Schedule.Step("worker-1", "writes Counter.count", "Counter.java:12", 1)), 0);
    }

    private static CheckResult withSchedule(CheckResult c, Schedule schedule) {
        return new CheckResult(c.id(), c.name(), c.kind(), c.visibility(), c.status(), c.points(), c.maxPoints(),
                c.message(), c.durationMillis(), c.output(), c.outputTruncated(), schedule);
    }

    /**
     * One exercise with a pass, a failure (with output and its schedule), an error and a skipped rule; one that
     * does not compile.
     */
    public static Scorecard mixed(String id, Student student, Instant gradedAt) {
        ExerciseResult race = new ExerciseResult("fix-the-race", "Fix the race", ExerciseStatus.FAILED, 3, 10,
                "1 of 4 checks passed, 3 of 10 points.", 2500, List.of(
                check("counts-alone", Visibility.VISIBLE, CheckStatus.PASSED, 3, "", ""),
                withSchedule(check("two-increments", Visibility.VISIBLE, CheckStatus.FAILED, 4,
                        "Lost an update: expected 2 but was 1\nstep 1: worker-1 read count = 0", "tick <1>\n"),
                        lostUpdate()),
                check("five-workers", Visibility.AFTER_DUE_DATE, CheckStatus.ERROR, 2,
                        "The test JVM stopped abruptly", ""),
                new CheckResult("no-sleep", "No sleeping", CheckKind.RULE, Visibility.HIDDEN, CheckStatus.SKIPPED, 0, 1,
                        "Not graded yet: rules count once a test passes.", 0, "", false, null)));
        ExerciseResult bank = new ExerciseResult("break-the-deadlock", "Break the deadlock", ExerciseStatus.ERROR, 0, 5,
                "Your code does not compile (1 error):\nsrc/main/java/kata/bank/Bank.java:5: ';' expected", 900,
                List.of(check("transfer-alone", Visibility.VISIBLE, CheckStatus.ERROR, 5,
                        "Not run: Your code does not compile (1 error):", "")));
        return new Scorecard(Scorecard.SCHEMA_VERSION, new Scorecard.GraderInfo("kata-grader", "1.0.0"), id, student,
                gradedAt, new Scorecard.Environment("17.0.15", "Eclipse Adoptium", "Linux", 2, "bubblewrap"), 3, 15,
                List.of(race, bank));
    }

    /** Every check passed. */
    public static Scorecard perfect(String id, Student student, Instant gradedAt) {
        ExerciseResult race = new ExerciseResult("fix-the-race", "Fix the race", ExerciseStatus.PASSED, 10, 10,
                "4 of 4 checks passed, 10 of 10 points.", 2100, List.of(
                check("counts-alone", Visibility.VISIBLE, CheckStatus.PASSED, 3, "", ""),
                check("two-increments", Visibility.VISIBLE, CheckStatus.PASSED, 4, "", ""),
                check("five-workers", Visibility.AFTER_DUE_DATE, CheckStatus.PASSED, 2, "", ""),
                check("no-sleep", Visibility.HIDDEN, CheckStatus.PASSED, 1, "", "")));
        ExerciseResult bank = new ExerciseResult("break-the-deadlock", "Break the deadlock", ExerciseStatus.PASSED, 5,
                5, "1 of 1 checks passed, 5 of 5 points.", 800,
                List.of(check("transfer-alone", Visibility.VISIBLE, CheckStatus.PASSED, 5, "", "")));
        return new Scorecard(Scorecard.SCHEMA_VERSION, new Scorecard.GraderInfo("kata-grader", "1.0.0"), id, student,
                gradedAt, new Scorecard.Environment("17.0.15", "Eclipse Adoptium", "Linux", 2, "bubblewrap"), 15, 15,
                List.of(race, bank));
    }

    /** The scorecard of an archive that could not be read: every exercise an error with the reason. */
    public static Scorecard unreadable(String id, Instant gradedAt) {
        String message = kata.grader.classresults.RowStatus.UNREADABLE_PREFIX + id + ".zip is not a readable zip"
                + " archive. Nothing in it was graded; submit a plain zip of your repository.";
        ExerciseResult race = new ExerciseResult("fix-the-race", "Fix the race", ExerciseStatus.ERROR, 0, 10, message, 0,
                List.of(check("counts-alone", Visibility.VISIBLE, CheckStatus.ERROR, 3, "Not run", "")));
        ExerciseResult bank = new ExerciseResult("break-the-deadlock", "Break the deadlock", ExerciseStatus.ERROR, 0, 5,
                message, 0, List.of(check("transfer-alone", Visibility.VISIBLE, CheckStatus.ERROR, 5, "Not run", "")));
        return new Scorecard(Scorecard.SCHEMA_VERSION, new Scorecard.GraderInfo("kata-grader", "1.0.0"), id, null,
                gradedAt, new Scorecard.Environment("17.0.15", "Eclipse Adoptium", "Linux", 2, "bubblewrap"), 0, 15,
                List.of(race, bank));
    }

    /** A CSV file's records, as a gradebook reads them. */
    public static List<List<String>> csv(java.nio.file.Path file) throws java.io.IOException {
        try (var reader = java.nio.file.Files.newBufferedReader(file)) {
            return org.apache.commons.csv.CSVFormat.RFC4180.parse(reader).getRecords().stream()
                    .map(org.apache.commons.csv.CSVRecord::toList).toList();
        }
    }

    /** The same after the due date and once grades are published. */
    public static ExportOptions published() {
        return ExportOptions.defaults().at(Moment.AFTER_PUBLISHED);
    }

    /** The same card with every check visible to students at any moment. */
    public static Scorecard allVisible(Scorecard card) {
        List<ExerciseResult> exercises = card.exercises().stream().map(e -> new ExerciseResult(e.slug(), e.title(),
                e.status(), e.score(), e.maxScore(), e.message(), e.durationMillis(), e.checks().stream()
                .map(c -> new CheckResult(c.id(), c.name(), c.kind(), Visibility.VISIBLE, c.status(), c.points(),
                        c.maxPoints(), c.message(), c.durationMillis(), c.output(), c.outputTruncated(), c.schedule())).toList()))
                .toList();
        return new Scorecard(card.schemaVersion(), card.grader(), card.submissionId(), card.student(), card.gradedAt(),
                card.environment(), card.score(), card.maxScore(), exercises);
    }
}
