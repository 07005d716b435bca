package kata.grader.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kata.support.score.Scorecard;

/** The LMS formats the grader writes, and reading the scorecards they are made from. */
public final class Exports {

    private static final List<LmsExport> ALL = List.of(new Gradescope(), new LtiAgs(), new CanvasCsv(),
            new MoodleCsv(), new JunitXml(), new GithubClassroom());

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
     * The scorecards at {@code source}: one scorecard file, a folder of them, or a batch output
     * folder (its {@code scorecards/}); sorted by submission id.
     *
     * @throws IllegalArgumentException when there are none, or a file is not a scorecard
     */
    public static List<Scorecard> scorecards(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(read(source));
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no scorecards at " + source + ": not a file or a folder");
        }
        Path folder = Files.isDirectory(source.resolve("scorecards")) ? source.resolve("scorecards") : source;
        List<Scorecard> cards = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                cards.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("no scorecards (*.json) in " + folder);
        }
        cards.sort(Comparator.comparing(Scorecard::submissionId));
        return cards;
    }

    private static Scorecard read(Path file) {
        try {
            return ScorecardJson.read(file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
