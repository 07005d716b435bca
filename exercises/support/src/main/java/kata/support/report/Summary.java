package kata.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kata.support.PublicApi;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;

/**
 * Runs last in the student repository's {@code mvn verify}: prints one row per kata, the total and
 * the one next step, and writes {@code target/scorecard.json} for all katas.
 *
 * <p>Every kata of the root pom is in the table and the total, whatever happened to it: a kata's
 * result counts only when this build wrote it (a result from an earlier build, say the last one
 * that compiled, is never shown as current). A kata without one scores 0, with its maximum.
 *
 * <p>Arguments: the repository's root folder, and when this build started (ISO-8601, UTC).
 */
@PublicApi
public final class Summary {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** The repository's modules that are not katas. */
    private static final List<String> NOT_KATAS = List.of("support", "summary");

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Summary <repository root> <build start, ISO-8601 UTC>");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Instant buildStart = Instant.parse(args[1]);
        List<Report.Row> rows = new ArrayList<>();
        for (String module : katas(root)) {
            KataDescription kata = KataDescription.of(root.resolve(module));
            Optional<ExerciseResult> result = thisBuildsResult(root.resolve(module), buildStart);
            rows.add(new Report.Row(result.orElseGet(() -> Scoring.error(kata.slug(), kata.title(), kata.checks(),
                    "Its checks did not run in this build: see the error Maven printed for " + module
                            + ", or run `mvn verify` again.", 0)), kata.hiddenPoints(), result.isPresent()));
        }
        Path scorecard = root.resolve("target").resolve(Scorecards.FILE);
        Scorecards.write(Scorecards.of(rows.stream().map(Report.Row::result).toList()), scorecard);
        System.out.print(Report.summary(rows, root.relativize(scorecard).toString().replace('\\', '/')));
        System.out.flush();
    }

    private static Optional<ExerciseResult> thisBuildsResult(Path kata, Instant buildStart) {
        return Scorecards.read(kata.resolve("target").resolve(Scorecards.FILE))
                .filter(card -> !card.gradedAt().isBefore(buildStart) && card.exercises().size() == 1)
                .map(Scorecard::exercises).map(exercises -> exercises.get(0));
    }

    private static List<String> katas(Path root) throws IOException {
        List<String> katas = new ArrayList<>();
        Matcher matcher = MODULE.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
        while (matcher.find()) {
            String module = matcher.group(1).trim();
            if (!NOT_KATAS.contains(module)) {
                katas.add(module);
            }
        }
        return katas;
    }
}
