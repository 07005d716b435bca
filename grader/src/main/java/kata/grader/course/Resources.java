package kata.grader.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import kata.grader.files.FileTree;

/**
 * Folders the grader ships inside its jar (the test JVM's libraries, the course, the samples),
 * as real directories: used in place when running from a build tree, otherwise extracted once
 * per grader jar into the user's cache directory.
 */
public final class Resources {

    private Resources() {
    }

    /** The shipped folder with this name, as a directory. */
    public static Path folder(String name) {
        Path source = codeSource();
        if (Files.isDirectory(source)) {
            Path folder = source.resolve(name);
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("The grader build is incomplete: " + folder + " is missing;"
                        + " run `mvn package` at the repository root.");
            }
            return folder;
        }
        try {
            return extracted(source, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + name + " from " + source, e);
        }
    }

    /**
     * Identifies this build of the grader: the jar's size and time, or in a build tree the time of
     * the class that compiles test bundles. Cached work made by another build is not reused.
     */
    static String codeIdentity() {
        try {
            Path source = codeSource();
            Path file = Files.isDirectory(source)
                    ? source.resolve(BundleCompiler.class.getName().replace('.', '/') + ".class") : source;
            return Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unknown-" + System.nanoTime();
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(Resources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extracted(Path jar, String name) throws IOException {
        String key = name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path cache = cacheRoot();
        Path target = cache.resolve(key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(cache);
        Path temporary = Files.createTempDirectory(cache, key + ".partial-");
        String prefix = name + "/";
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path destination = temporary.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!destination.startsWith(temporary)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
            }
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            // Another grader process extracted it at the same time (Linux reports the rename onto its
            // non-empty directory as a plain FileSystemException, ENOTEMPTY): use theirs.
            if (!Files.isDirectory(target)) {
                throw e;
            }
            FileTree.deleteRecursively(temporary);
        }
        return target;
    }

    /** The grader's directory under the user's cache ($XDG_CACHE_HOME or ~/.cache). */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kata-grader");
    }
}
