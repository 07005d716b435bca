package kata.grader.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kata.grader.course.CheckSpec;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.course.TestBundle;
import kata.grader.files.FileTree;
import kata.support.score.Scoring;

/**
 * Writes the repository students clone: the course's {@code exercises/} (every kata's README, pom,
 * stub and public checks, the support library's sources, the summary module, the GitHub Classroom
 * workflow), with the module list
 * made from the course, and per kata a {@code kata.properties} that tells the student's own run the
 * kata's title, the order of its public checks, and how many points its hidden checks are worth.
 * No solution, no hidden check, nothing of the grader.
 */
public final class Publisher {

    private static final Pattern MODULES = Pattern.compile("(?s)<modules>.*?</modules>");

    private Publisher() {
    }

    /** Publishes the course into {@code target}, which must be absent or empty. */
    public static void publish(Course course, Path target) {
        Path exercises = course.root().resolve("exercises");
        requireEmpty(target);
        try {
            Files.createDirectories(target);
            copyFiles(exercises, target, List.of("README.md", ".gitignore"));
            FileTree.copyTree(exercises.resolve(".mvn"), target.resolve(".mvn"));
            FileTree.copyTree(exercises.resolve(".github"), target.resolve(".github"));
            Files.writeString(target.resolve("pom.xml"), rootPom(exercises, course), StandardCharsets.UTF_8);
            copyFiles(exercises.resolve("support"), target.resolve("support"), List.of("pom.xml"));
            FileTree.copyTree(exercises.resolve("support/src/main"), target.resolve("support/src/main"));
            copyFiles(exercises.resolve("summary"), target.resolve("summary"), List.of("pom.xml"));
            for (Exercise exercise : course.exercises()) {
                publishKata(course, exercise, target.resolve(exercise.slug()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish to " + target, e);
        }
    }

    private static void publishKata(Course course, Exercise exercise, Path target) throws IOException {
        copyFiles(exercise.publicDir(), target, List.of("README.md", "pom.xml"));
        FileTree.copyTree(exercise.publicDir().resolve("src/main"), target.resolve("src/main"));
        FileTree.copyTree(exercise.publicDir().resolve("src/test"), target.resolve("src/test"));
        Path properties = target.resolve("src/test/resources/kata.properties");
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, kataProperties(exercise, course.bundle(exercise)), StandardCharsets.ISO_8859_1);
    }

    /**
     * For the student's own run (kata.support.report): the kata, and its public checks in reading
     * order with their kind and points, so that a kata that does not compile still shows every check
     * and its maximum. Written without a timestamp, so it is reproducible.
     */
    static String kataProperties(Exercise exercise, TestBundle bundle) {
        List<CheckSpec> visible = bundle.checks().stream().filter(c -> !c.hidden()).toList();
        double hidden = bundle.checks().stream().filter(CheckSpec::hidden).mapToDouble(CheckSpec::points).sum();
        StringBuilder text = new StringBuilder("# Written by grader.jar publish: the kata and its public checks,"
                + " for the reports of your own test runs.\n")
                .append("slug=").append(escape(exercise.slug())).append('\n')
                .append("title=").append(escape(exercise.title())).append('\n')
                .append("hidden.points=").append(Scoring.points(hidden)).append('\n')
                .append("checks=").append(visible.stream().map(CheckSpec::id).collect(Collectors.joining(",")))
                .append('\n');
        for (CheckSpec check : visible) {
            String key = "check." + check.id() + ".";
            text.append(key).append("name=").append(escape(check.name())).append('\n')
                    .append(key).append("kind=").append(check.kind().name().toLowerCase(Locale.ROOT)).append('\n')
                    .append(key).append("points=").append(Scoring.points(check.points())).append('\n');
        }
        return text.toString();
    }

    private static String rootPom(Path exercises, Course course) throws IOException {
        String pom = Files.readString(exercises.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher modules = MODULES.matcher(pom);
        if (!modules.find()) {
            throw new IllegalStateException("exercises/pom.xml has no <modules>");
        }
        StringBuilder list = new StringBuilder("<modules>\n    <module>support</module>\n");
        for (Exercise exercise : course.exercises()) {
            list.append("    <module>").append(exercise.slug()).append("</module>\n");
        }
        list.append("    <!-- Last: prints the table of all katas and the next step, writes target/scorecard.json. -->\n")
                .append("    <module>summary</module>\n  </modules>");
        return pom.substring(0, modules.start()) + list + pom.substring(modules.end());
    }

    private static void copyFiles(Path from, Path to, List<String> names) throws IOException {
        Files.createDirectories(to);
        for (String name : names) {
            Path file = from.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(file, to.resolve(name));
            }
        }
    }

    private static void requireEmpty(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("not a directory: " + target);
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("refusing to publish into " + target
                        + ": it is not empty (publish writes a whole repository; choose a new directory)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties-file escaping: backslashes, and anything outside ASCII as \\uXXXX. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
