package kata.grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.GraderVersion;
import kata.grader.course.Course;
import kata.grader.course.Exercise;

/**
 * SHA-256 fingerprints that decide whether a graded entry is still up to date: of the entry
 * (a zip's bytes, or a folder's file names and contents, links not followed) and of what grades
 * it (the grader's version, every exercise's specs, stub and tests).
 */
final class Digests {

    private Digests() {
    }

    static String entry(Entry entry) {
        MessageDigest digest = sha256();
        if (entry.isFile()) {
            update(digest, entry.kind().name());
            file(digest, entry.path());
        } else {
            update(digest, "folder");
            tree(digest, entry.path());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String course(Course course) {
        MessageDigest digest = sha256();
        update(digest, GraderVersion.NAME + " " + GraderVersion.version());
        for (Exercise exercise : course.exercises()) {
            update(digest, exercise.slug() + " " + exercise.limits() + " " + exercise.providedFiles());
            tree(digest, exercise.specDir());
            tree(digest, exercise.stubSources());
            tree(digest, exercise.publicTestSources());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One fingerprint of both: the entry is graded again when either changes. */
    static String combined(String entry, String course) {
        MessageDigest digest = sha256();
        update(digest, entry);
        update(digest, course);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void tree(MessageDigest digest, Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        for (Path file : files) {
            update(digest, root.relativize(file).toString().replace('\\', '/'));
            file(digest, file);
        }
    }

    private static void file(MessageDigest digest, Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            long size = 0;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                size += read;
            }
            update(digest, ":" + size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
