package kata.grader.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kata.grader.files.FileTree;

/**
 * Reads a submission laid out like the student repository: {@code <slug>/src/main/java/...} per
 * exercise. Only main sources are read; a student's pom, tests or build plugins never are.
 */
public final class Submissions {

    /** Names given in a message at most: a submission of a thousand links needs only a few named. */
    private static final int MAX_NAMED = 5;
    private static final Pattern ARCHIVE = Pattern.compile(
            "\\.(zip|jar|tar|tgz|tbz2|txz|gz|bz2|xz|7z|rar)$", Pattern.CASE_INSENSITIVE);

    private Submissions() {
    }

    /** Fails with a one-line reason when the path cannot be a submission. */
    public static void requireReadable(Path submission) {
        if (!Files.exists(submission)) {
            throw new IllegalArgumentException("submission not found: " + submission);
        }
        if (!Files.isDirectory(submission)) {
            throw new IllegalArgumentException("submission is not a directory: " + submission);
        }
        if (!Files.isReadable(submission)) {
            throw new IllegalArgumentException("submission is not readable: " + submission);
        }
    }

    /** The exercise's sources, or empty when the submission has no .java files for it. */
    public static Optional<ExerciseSources> find(Path submission, String slug) {
        Path exercise = submission.resolve(slug);
        if (!Files.isDirectory(exercise, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path root = exercise.resolve("src/main/java");
        var files = FileTree.javaFiles(root);
        return files.isEmpty() ? Optional.empty() : Optional.of(new ExerciseSources(slug, root, files));
    }

    /**
     * Why an exercise has no sources, for its "not submitted" message: a folder that is a link, or an
     * archive where the folders should be, says so (both would otherwise look like nothing sent).
     */
    public static String whyAbsent(Path submission, String slug) {
        String none = "no Java sources in " + slug + "/src/main/java.";
        Path exercise = submission.resolve(slug);
        if (Files.isSymbolicLink(exercise)) {
            return none + " " + slug + " is a symbolic link, and links are never followed (they could lead to"
                    + " another student's files): submit the folder itself.";
        }
        List<String> archives = new ArrayList<>(archivesIn(exercise, slug + "/"));
        archives.addAll(archivesIn(submission, ""));
        if (!archives.isEmpty()) {
            return none + " The submission holds " + String.join(", ", archives) + ": archives inside a"
                    + " submission are not unpacked; submit the kata folders themselves (one plain zip of them"
                    + " at most).";
        }
        return none;
    }

    /**
     * The symbolic links among an exercise's sources, relative to its source root: links are never
     * followed (they could lead to another student's files), so an exercise holding any is refused
     * rather than graded without the files they stand for.
     */
    public static List<String> links(Path submission, String slug) {
        Path root = submission.resolve(slug).resolve("src/main/java");
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isSymbolicLink).map(link -> root.relativize(link).toString()).sorted()
                    .limit(MAX_NAMED).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static List<String> archivesIn(Path folder, String prefix) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.getFileName().toString())
                    .filter(name -> ARCHIVE.matcher(name).find()).sorted().limit(MAX_NAMED)
                    .map(name -> prefix + name).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /**
     * The sources to compile: the student's, except that files the exercise provides are always
     * the exercise's own version (a student cannot change what the tests rely on).
     */
    public static ExerciseSources withProvidedFiles(ExerciseSources sources, Path providedRoot,
                                                    java.util.List<String> provided) {
        if (provided.isEmpty()) {
            return sources;
        }
        java.util.Set<Path> replaced = new java.util.HashSet<>();
        provided.forEach(file -> replaced.add(sources.sourceRoot().resolve(file).normalize()));
        java.util.List<Path> files = new java.util.ArrayList<>();
        sources.files().stream().filter(f -> !replaced.contains(f.normalize())).forEach(files::add);
        provided.forEach(file -> files.add(providedRoot.resolve(file)));
        return new ExerciseSources(sources.slug(), sources.sourceRoot(), files);
    }

    /** The id of a submission: its folder name. */
    public static String idOf(Path submission) {
        Path name = submission.toAbsolutePath().normalize().getFileName();
        return name == null ? "submission" : name.toString();
    }
}
