package kata.grader.scorecards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kata.support.score.Scorecard;

/** Finds and reads the scorecards an instructor points at. */
public final class ScorecardFiles {

    /** Where a batch output folder keeps its scorecards. */
    public static final String FOLDER = "scorecards";

    private ScorecardFiles() {
    }

    /**
     * The scorecards at {@code source}: one scorecard file, a folder of them, or a batch output
     * folder (its {@code scorecards/}); sorted by submission id.
     *
     * @throws IllegalArgumentException when there are none, or a file is not a scorecard
     */
    public static List<Scorecard> read(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(readOne(source));
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no scorecards at " + source + ": not a file or a folder");
        }
        Path folder = Files.isDirectory(source.resolve(FOLDER)) ? source.resolve(FOLDER) : source;
        List<Scorecard> cards = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                cards.add(readOne(file));
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

    /** @throws IllegalArgumentException when the file is not a scorecard */
    public static Scorecard readOne(Path file) {
        try {
            return ScorecardJson.read(file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
