package kata.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kata.grader.course.Exercise;
import kata.grader.files.FileTree;
import kata.grader.intake.ExerciseSources;
import kata.grader.intake.Submissions;

/**
 * The Java sources of each graded entry, kept in the output folder ({@code sources/<entry>/<kata>/})
 * for the similarity check and to tell an untouched stub from an attempt. A submission's files
 * are bounded by the intake's limits; here each file is capped again, so a folder entry cannot
 * fill the disk.
 */
final class KeptSources {

    private static final long MAX_FILE_BYTES = 512 * 1024;

    private KeptSources() {
    }

    /** Replaces what is kept for the entry with the sources of every kata it has. */
    static void keep(Path submissionRoot, Iterable<Exercise> exercises, Path kept) {
        FileTree.deleteRecursively(kept);
        for (Exercise exercise : exercises) {
            Optional<ExerciseSources> sources = Submissions.find(submissionRoot, exercise.slug());
            if (sources.isEmpty()) {
                continue;
            }
            Path root = sources.get().sourceRoot();
            for (Path file : sources.get().files()) {
                copy(file, kept.resolve(exercise.slug()).resolve(root.relativize(file).toString()));
            }
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) || Files.size(from) > MAX_FILE_BYTES) {
                return;
            }
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sources of " + from, e);
        }
    }

    /**
     * The katas whose kept sources are the stub's, unchanged but for comments and white space
     * (files the kata provides are left out on both sides: the grader uses its own).
     */
    static Set<String> untouched(Path kept, Iterable<Exercise> exercises) {
        Set<String> untouched = new TreeSet<>();
        for (Exercise exercise : exercises) {
            Path mine = kept.resolve(exercise.slug());
            if (Files.isDirectory(mine)) {
                Map<String, String> submitted = normalised(mine, exercise);
                if (!submitted.isEmpty() && submitted.equals(normalised(exercise.stubSources(), exercise))) {
                    untouched.add(exercise.slug());
                }
            }
        }
        return untouched;
    }

    private static Map<String, String> normalised(Path root, Exercise exercise) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!exercise.providedFiles().contains(relative)) {
                    files.put(relative, withoutCommentsAndSpace(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return files;
    }

    /** Java source without comments and white space outside literals. */
    static String withoutCommentsAndSpace(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }
}
