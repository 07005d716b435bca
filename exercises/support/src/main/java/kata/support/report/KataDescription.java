package kata.support.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import kata.support.Visibility;
import kata.support.score.CheckDefinition;
import kata.support.score.CheckKind;

/**
 * A kata as the course describes it, read from {@code src/test/resources/kata.properties}, which the
 * grader's {@code publish} writes: its title, its public checks in reading order with their points,
 * and how many points its hidden checks are worth. Knowing the checks without running them is what
 * lets a kata that does not compile still show every check and its maximum. Without the file (the
 * course's own source tree) the module folder names the kata and the checks are those that run.
 *
 * @param slug         the kata's folder name
 * @param title        its title
 * @param hiddenPoints points of the checks only the instructor's grader runs, or null if unknown
 * @param checks       the public checks in reading order; empty when unknown
 */
record KataDescription(String slug, String title, Double hiddenPoints, List<PublicCheck> checks) {

    static final String FILE = "src/test/resources/kata.properties";

    KataDescription {
        checks = List.copyOf(checks);
    }

    /**
     * One public check.
     *
     * @param id         as in {@code @Graded}
     * @param name       shown to students
     * @param kind       test or rule
     * @param visibility always visible for a public check
     * @param points     points possible
     */
    record PublicCheck(String id, String name, CheckKind kind, Visibility visibility, double points)
            implements CheckDefinition {
    }

    static KataDescription of(Path kataDirectory) {
        Path file = kataDirectory.resolve(FILE);
        String folder = kataDirectory.toAbsolutePath().normalize().getFileName().toString();
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        String hidden = properties.getProperty("hidden.points", "");
        List<PublicCheck> checks = new ArrayList<>();
        for (String id : properties.getProperty("checks", "").split(",")) {
            if (!id.isBlank()) {
                checks.add(new PublicCheck(id, properties.getProperty("check." + id + ".name", id),
                        CheckKind.valueOf(properties.getProperty("check." + id + ".kind", "test")
                                .toUpperCase(Locale.ROOT)),
                        Visibility.VISIBLE, Double.parseDouble(properties.getProperty("check." + id + ".points"))));
            }
        }
        return new KataDescription(properties.getProperty("slug", folder), properties.getProperty("title", folder),
                hidden.isBlank() ? null : Double.valueOf(hidden), checks);
    }
}
