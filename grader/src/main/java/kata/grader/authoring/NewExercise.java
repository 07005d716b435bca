package kata.grader.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import kata.grader.course.Course;
import kata.grader.course.Exercise;

/**
 * Creates a new kata in a course repository from {@code templates/exercise}: a small complete
 * kata (README, stub, public checks, a hidden check and a rule, a reference and three known-wrong
 * solutions) that the self-check accepts at once, for the author to turn into their own. It also
 * adds the kata to {@code exercises/pom.xml} and to the table in {@code exercises/README.md}.
 */
public final class NewExercise {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final String SUMMARY_MODULE = "    <module>summary</module>";

    private NewExercise() {
    }

    /** What was created. */
    public record Created(String slug, String javaPackage, List<Path> files) {
    }

    public static Created create(Course course, String slug, String title) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("'" + slug + "' is not a kata name: use lower-case words joined by"
                    + " dashes, like tally-up");
        }
        if (course.find(slug).isPresent() || Files.exists(course.root().resolve("exercises").resolve(slug))) {
            throw new IllegalArgumentException("a kata named '" + slug + "' exists already");
        }
        String javaPackage = "kata." + slug.replace("-", "");
        if (!SourceVersion.isName(javaPackage)) {
            throw new IllegalArgumentException("'" + slug + "' does not make a Java package name (" + javaPackage + ")");
        }
        Path template = course.root().resolve("templates/exercise");
        if (!Files.isDirectory(template)) {
            throw new IllegalArgumentException("no kata template in " + template);
        }
        int order = course.exercises().stream().mapToInt(Exercise::order).filter(o -> o < Integer.MAX_VALUE)
                .max().orElse(0) + 1;
        String heading = title != null && !title.isBlank() ? title : defaultTitle(slug);
        try {
            List<Path> files = copyTemplate(template, course.root(), slug, javaPackage, heading, order);
            addModule(course.root().resolve("exercises/pom.xml"), slug);
            addToIndex(course.root().resolve("exercises/README.md"), slug);
            return new Created(slug, javaPackage, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create kata " + slug, e);
        }
    }

    private static List<Path> copyTemplate(Path template, Path root, String slug, String javaPackage, String title,
                                           int order) throws IOException {
        List<Path> created = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(template)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = template.relativize(file).toString().replace('\\', '/')
                    .replace("__SLUG__", slug).replace("__PATH__", javaPackage.replace('.', '/'));
            Path target = root.resolve(relative);
            String text = Files.readString(file, StandardCharsets.UTF_8)
                    .replace("__SLUG__", slug).replace("__PACKAGE__", javaPackage).replace("__TITLE__", title)
                    .replace("__ORDER__", String.valueOf(order));
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            created.add(target);
        }
        return created;
    }

    /** Inserts the kata before the summary module (and the comment that goes with it). */
    private static void addModule(Path pom, String slug) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(pom, StandardCharsets.UTF_8));
        int at = lines.indexOf(SUMMARY_MODULE);
        if (at < 0) {
            throw new IllegalStateException(pom + " has no summary module to insert the new kata before");
        }
        if (at > 0 && lines.get(at - 1).strip().startsWith("<!--")) {
            at--;
        }
        lines.add(at, "    <module>" + slug + "</module>");
        Files.writeString(pom, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void addToIndex(Path readme, String slug) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(readme, StandardCharsets.UTF_8));
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| [")) {
                last = i;
            }
        }
        String row = "| [" + slug + "](" + slug + "/README.md) | (seed topic) | (Java concepts) | 6 |";
        lines.add(last < 0 ? lines.size() : last + 1, row);
        Files.writeString(readme, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String defaultTitle(String slug) {
        String words = slug.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
