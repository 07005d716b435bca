package kata.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the entries of a submissions folder: one per sub-folder or {@code .zip}. */
public final class Entries {

    /** Folders that zip tools add and that never hold a submission. */
    private static final Set<String> NOISE = Set.of("__MACOSX");
    private static final int MAX_WRAPPING_FOLDERS = 3;

    /**
     * What a submissions folder holds.
     *
     * @param entries the submissions, sorted by id
     * @param ignored files that are neither a folder nor a zip, by name
     */
    public record Listing(List<Entry> entries, List<String> ignored) {
    }

    private Entries() {
    }

    /**
     * @throws IllegalArgumentException when the folder is missing, or two entries share an id
     *                                  (say {@code alice/} and {@code alice.zip})
     */
    public static Listing list(Path submissions) {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("submissions folder not found: " + submissions);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> children = Files.list(submissions)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || NOISE.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(name, child, false));
                } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                        && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && name.length() > 4) {
                    entries.add(new Entry(name.substring(0, name.length() - 4), child, true));
                } else {
                    ignored.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + submissions, e);
        }
        Map<String, Entry> byId = new HashMap<>();
        for (Entry entry : entries) {
            Entry other = byId.putIfAbsent(entry.id(), entry);
            if (other != null) {
                throw new IllegalArgumentException("two submissions for entry '" + entry.id() + "': "
                        + other.path().getFileName() + " and " + entry.path().getFileName() + "; keep one");
            }
        }
        entries.sort(Comparator.comparing(Entry::id));
        return new Listing(List.copyOf(entries), List.copyOf(ignored));
    }

    /**
     * How much an entry holds, in bytes: a zip's size, or the sum of a folder's files (links not
     * followed). More code means more exercises to grade, so this orders the work.
     */
    static long size(Entry entry) {
        try {
            if (entry.zip()) {
                return Files.size(entry.path());
            }
            try (Stream<Path> walk = Files.walk(entry.path())) {
                long total = 0;
                for (Path file : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    total += Files.size(file);
                }
                return total;
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * The katas an entry holds, for the time-left estimate: a folder's kata folders, or the kata
     * folders a zip's table of contents names (nothing is extracted; an unreadable zip holds none).
     */
    static Set<String> katas(Entry entry, Set<String> slugs) {
        if (entry.zip()) {
            Set<String> held = new java.util.TreeSet<>();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(entry.path().toFile())) {
                zip.stream().map(e -> "/" + e.getName()).forEach(name -> slugs.stream()
                        .filter(slug -> name.contains("/" + slug + "/src/main/java/")).forEach(held::add));
            } catch (IOException | RuntimeException unreadable) {
                return Set.of();
            }
            return held;
        }
        Path root = root(entry.path(), slugs);
        Set<String> held = new java.util.TreeSet<>();
        for (String slug : slugs) {
            if (Files.isDirectory(root.resolve(slug), LinkOption.NOFOLLOW_LINKS)) {
                held.add(slug);
            }
        }
        return held;
    }

    /**
     * The folder inside a submission that holds the exercises: the submission itself, or the one
     * folder it wraps (a zip of {@code katas-main/} unpacks to {@code katas-main/fix-the-race/...}).
     */
    public static Path root(Path submission, Set<String> slugs) {
        Path current = submission;
        for (int depth = 0; depth < MAX_WRAPPING_FOLDERS; depth++) {
            List<Path> children;
            try (Stream<Path> list = Files.list(current)) {
                children = list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !NOISE.contains(p.getFileName().toString())).toList();
            } catch (IOException e) {
                return current;
            }
            boolean holdsExercises = children.stream().anyMatch(c -> slugs.contains(c.getFileName().toString()));
            if (holdsExercises || children.size() != 1 || !Files.isDirectory(children.get(0), LinkOption.NOFOLLOW_LINKS)) {
                return current;
            }
            current = children.get(0);
        }
        return current;
    }
}
