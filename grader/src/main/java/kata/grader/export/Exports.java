package kata.grader.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.support.score.Scorecard;
import kata.grader.scorecards.ScorecardFiles;

/** The formats the grader writes, and the class results they are made from. */
public final class Exports {

    private static final List<LmsExport> ALL = List.of(new Gradescope(), new LtiAgs(), new CanvasCsv(),
            new MoodleCsv(), new JunitXml(), new GithubClassroom(), new ExercismV3(), new PrairieLearn());

    private Exports() {
    }

    public static List<LmsExport> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static LmsExport named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known: "
                        + String.join(", ", ALL.stream().map(LmsExport::name).toList())));
    }

    /**
     * The class results at {@code source}: a batch output folder (its summary, with each
     * student's status), or scorecards alone (a folder of them, or one file).
     *
     * @throws IllegalArgumentException when there are none, or a file is not a scorecard
     */
    public static ClassResults results(Path source) {
        if (ClassFolder.isClassFolder(source)) {
            return ClassFolder.read(source);
        }
        return of(ScorecardFiles.read(source));
    }

    /** Class results made of scorecards alone: one graded (or unreadable) row each. */
    public static ClassResults of(List<Scorecard> cards) {
        List<StudentRow> rows = cards.stream().map(card -> new StudentRow(card.submissionId(), card.student(),
                RowStatus.of(card), "", card)).toList();
        return ClassResults.of(null, Instant.EPOCH, "1/1", rows, null);
    }
}
