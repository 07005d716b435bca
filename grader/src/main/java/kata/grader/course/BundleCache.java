package kata.grader.course;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import kata.grader.files.FileTree;

/**
 * Compiled test bundles kept between grader runs, keyed by a hash of everything that goes into
 * them (sources, libraries, grader and JDK version): a single {@code grade} call need not compile
 * every exercise's tests again, and any edit to a test compiles afresh. Entries appear atomically.
 */
final class BundleCache {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHECKS = "checks.json";

    private final Path root;

    BundleCache(Path root) {
        this.root = root;
    }

    /** The cached bundle for these inputs, compiling it (into the cache) the first time. */
    TestBundle get(Exercise exercise, TestRuntime runtime, String graderIdentity,
                   java.util.function.Function<Path, TestBundle> compile) {
        String key = key(exercise, runtime, graderIdentity);
        Path entry = root.resolve(exercise.slug() + "-" + key);
        if (Files.isRegularFile(entry.resolve(CHECKS))) {
            return read(exercise, entry);
        }
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempDirectory(root, exercise.slug() + ".partial-");
            TestBundle compiled = compile.apply(temporary);
            JSON.writeValue(temporary.resolve(CHECKS).toFile(), compiled.checks());
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                FileTree.deleteRecursively(temporary);
            }
            return read(exercise, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache the compiled checks of " + exercise.slug(), e);
        }
    }

    private static TestBundle read(Exercise exercise, Path entry) {
        try {
            List<CheckSpec> checks = Arrays.asList(JSON.readValue(entry.resolve(CHECKS).toFile(), CheckSpec[].class));
            return new TestBundle(exercise, entry.resolve("test-classes"), entry.resolve("stub-classes"), checks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached checks in " + entry, e);
        }
    }

    private static String key(Exercise exercise, TestRuntime runtime, String graderIdentity) {
        MessageDigest digest = sha256();
        update(digest, graderIdentity + "|" + System.getProperty("java.version") + "|" + exercise.providedFiles());
        for (Path root : List.of(exercise.stubSources(), exercise.publicTestSources(), exercise.hiddenTestSources())) {
            for (Path file : FileTree.javaFiles(root)) {
                update(digest, root.relativize(file).toString());
                update(digest, read(file));
            }
        }
        for (Path jar : runtime.compileClasspath()) {
            update(digest, jar.getFileName() + ":" + size(jar));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    }

    private static void update(MessageDigest digest, String text) {
        update(digest, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(bytes);
        digest.update((byte) 0);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
