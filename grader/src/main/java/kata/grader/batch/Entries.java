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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the entries of a submissions folder: one per sub-folder or {@code .zip}. */
public final class Entries {

    /** Folders that zip tools add and that never hold a submission. */
    private static final Set<String> NOISE = Set.of("__MACOSX");
    private static final int MAX_WRAPPING_FOLDERS = 3;
    /** Archives students send instead of a zip: each gets a row saying it was not read. */
    private static final List<String> UNSUPPORTED_ARCHIVES = List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tgz",
            ".tbz2", ".txz", ".tar", ".7z", ".rar", ".gz", ".bz2", ".xz", ".jar");

    /**
     * What a submissions folder holds.
     *
     * @param entries the submissions, sorted by id
     * @param ignored files that are neither a folder nor an archive, by name
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
                Optional<String> archive = extension(name, List.of(".zip"));
                Optional<String> unsupported = extension(name, UNSUPPORTED_ARCHIVES);
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(name, child, Entry.Kind.FOLDER));
                } else if (!Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                    ignored.add(name);
                } else if (archive.isPresent()) {
                    entries.add(new Entry(withoutExtension(name, archive.get()), child, Entry.Kind.ZIP));
                } else if (unsupported.isPresent()) {
                    entries.add(new Entry(withoutExtension(name, unsupported.get()), child,
                            Entry.Kind.UNSUPPORTED_ARCHIVE));
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

    /** The first of these extensions the name ends with (case aside), when it has more than that. */
    private static Optional<String> extension(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(e -> lower.endsWith(e) && lower.length() > e.length()).findFirst();
    }

    private static String withoutExtension(String name, String extension) {
        return name.substring(0, name.length() - extension.length());
    }

    /**
     * The archive kind of an entry the grader does not read, as its extension ({@code .tar.gz}).
     */
    static String unsupportedExtension(Entry entry) {
        return extension(entry.path().getFileName().toString(), UNSUPPORTED_ARCHIVES).orElse("");
    }

    /**
     * How much an entry holds, in bytes: a zip's size, or the sum of a folder's files (links not
     * followed). More code means more exercises to grade, so this orders the work.
     */
    static long size(Entry entry) {
        try {
            if (entry.isFile()) {
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
        if (entry.kind() == Entry.Kind.UNSUPPORTED_ARCHIVE) {
            return Set.of();
        }
        if (entry.kind() == Entry.Kind.ZIP) {
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
