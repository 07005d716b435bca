package kata.support.agent;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kata.support.PublicApi;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the kata agent when a test run of a kata's checks did not: an IDE's plain JUnit run
 * (IntelliJ IDEA, VS Code, Eclipse) knows nothing of the agent that {@code mvn verify} and the grader
 * add. (A kata's run is recognised by the {@code kata.properties} that the published repository puts
 * beside its checks; other test runs are left alone.) The JUnit Platform
 * calls this before it looks for tests, so before any class of the student is loaded; a small helper
 * JVM attaches the agent to this one, with the student's classes directories from the class path
 * (directories with class files that are not test output). Then the checks give the same verdicts
 * as in Maven. Where attaching is impossible (a JRE without {@code jdk.attach}), the checks that need
 * the agent say so, as before.
 */
@PublicApi
public final class SelfAttach implements LauncherSessionListener {

    /** What the published repository puts beside every kata's public checks: a run of a kata's checks. */
    private static final String KATA_MARKER = "kata.properties";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (StudentCode.agentActive() || !kataOnClassPath()) {
            return;
        }
        try {
            attach();
        } catch (IOException | RuntimeException e) {
            StudentCode.recordAttachFailure(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StudentCode.recordAttachFailure("interrupted while attaching the kata agent");
        }
    }

    private static void attach() throws IOException, InterruptedException {
        Path jar = ownJar();
        List<Path> classes = studentClassDirectories();
        if (jar == null || classes.isEmpty()) {
            StudentCode.recordAttachFailure(jar == null ? "the kata support library is not a jar here"
                    : "no directory of compiled main classes on the class path");
            return;
        }
        String arguments = String.join(File.pathSeparator, classes.stream().map(Path::toString).toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process attacher = new ProcessBuilder(java.toString(), "--add-modules", "jdk.attach", "-cp", jar.toString(),
                Attacher.class.getName(), String.valueOf(ProcessHandle.current().pid()), jar.toString(), arguments)
                .redirectErrorStream(true).start();
        String output = new String(attacher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!attacher.waitFor(60, TimeUnit.SECONDS) || attacher.exitValue() != 0) {
            attacher.destroyForcibly();
            StudentCode.recordAttachFailure("attaching the kata agent failed: " + output.strip());
        }
    }

    private static boolean kataOnClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : ClassLoader.getSystemClassLoader()).getResource(KATA_MARKER) != null;
    }

    private static Path ownJar() {
        try {
            CodeSource source = SelfAttach.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            return location != null && Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Class path directories that hold class files and are not a build's test output: from the JVM's
     * class path, and from the class loaders of the test run (a launcher may load the tests through
     * a class loader of its own).
     */
    static List<Path> studentClassDirectories() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
             loader = loader.getParent()) {
            if (loader instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()));
                    } catch (URISyntaxException | RuntimeException notAFile) {
                        // not a local directory or jar
                    }
                }
            }
        }
        List<Path> directories = new ArrayList<>();
        for (Path entry : entries) {
            Path path = entry.toAbsolutePath().normalize();
            if (directories.contains(path)) {
                continue;
            }
            String name = path.toString().replace('\\', '/');
            boolean testOutput = name.endsWith("/test-classes") || name.endsWith("/test") || name.contains("/test/")
                    || name.contains("/test-classes/");
            if (!testOutput && Files.isDirectory(path) && holdsClasses(path)) {
                directories.add(path);
            }
        }
        return directories;
    }

    private static boolean holdsClasses(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }
}
