package kata.grader.intake;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import kata.grader.files.FileTree;

/**
 * Reads a submission laid out like the student repository: {@code <slug>/src/main/java/...} per
 * exercise. Only main sources are read; a student's pom, tests or build plugins never are.
 */
public final class Submissions {

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
