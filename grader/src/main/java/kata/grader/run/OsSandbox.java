package kata.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating system's confinement of a test JVM, with bubblewrap (Linux namespaces, no daemon,
 * no privilege needed where user namespaces are allowed, and the tool Flatpak builds on). Inside,
 * the JVM sees the system's libraries, the JDK, the harness, the checks' and the student's classes,
 * all read-only, and its own work folder; no other file of the host (no other submission, no home,
 * no {@code /etc}), no network but a loopback of its own, no process of the host, and no variable of
 * the grader's environment. It dies with the grader ({@code --die-with-parent}) and its processes
 * die with it (its own PID namespace).
 *
 * <p>This is the second layer: the static rules refuse code that would try any of it before it
 * runs, and each layer holds without the other. Where the host cannot provide namespaces (some
 * containers), {@link #probe} says why and the grader runs with the static rules alone.
 */
public final class OsSandbox {

    /** How a test JVM was confined, as the scorecard's environment records it. */
    public enum Level {
        BUBBLEWRAP("bubblewrap"), NONE("none");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the test JVMs of this grader may, must or must not be confined. */
    public enum Mode { AUTO, REQUIRED, OFF }

    /**
     * The whole environment of a test JVM: nothing is inherited from the grader's (where CI tokens
     * live), and the same text encoding and time zone on every host.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("LANG", "C.UTF-8", "TZ", "UTC");

    /** The system's shared libraries; each is bound read-only, or recreated when it is a link. */
    private static final List<String> LIBRARIES = List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64",
            "/lib32");
    private static final Map<Path, Optional<String>> PROBED = new ConcurrentHashMap<>();
    private static final Map<Path, Set<Path>> JDK_LINKS = new ConcurrentHashMap<>();

    private OsSandbox() {
    }

    /**
     * Whether bubblewrap can confine this JVM here: empty when it can, else why not (tried once
     * per java executable: the JVM's {@code -version}, started inside the very sandbox the
     * checks will get).
     */
    public static Optional<String> probe(Path java) {
        return PROBED.computeIfAbsent(java.toAbsolutePath(), OsSandbox::tryOnce);
    }

    /** The level a test JVM gets under this mode, or why the required sandbox cannot be had. */
    public static Level level(Mode mode, Path java) {
        if (mode == Mode.OFF) {
            return Level.NONE;
        }
        Optional<String> unavailable = probe(java);
        if (unavailable.isPresent() && mode == Mode.REQUIRED) {
            throw new IllegalStateException("the operating-system sandbox is required (--sandbox required) but"
                    + " cannot be used here: " + unavailable.get());
        }
        return unavailable.isEmpty() ? Level.BUBBLEWRAP : Level.NONE;
    }

    /**
     * The command that runs {@code command} (a java command line) at this level.
     *
     * @param readOnly what the JVM reads besides the JDK: class folders, jars
     * @param writable its work folder, also its current directory
     */
    static List<String> wrap(Level level, List<String> command, Collection<Path> readOnly, Path writable) {
        if (level == Level.NONE) {
            return command;
        }
        Path java = realPath(Path.of(command.get(0)));
        List<String> wrapped = new ArrayList<>(List.of(bwrap().orElseThrow().toString(),
                "--die-with-parent", "--new-session", "--unshare-all", "--clearenv",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        ENVIRONMENT.forEach((name, value) -> wrapped.addAll(List.of("--setenv", name, value)));
        for (String library : LIBRARIES) {
            Path path = Path.of(library);
            if (Files.isSymbolicLink(path)) {
                wrapped.addAll(List.of("--symlink", readLink(path), library));
            } else if (Files.isDirectory(path)) {
                wrapped.addAll(List.of("--ro-bind", library, library));
            }
        }
        Set<Path> binds = new LinkedHashSet<>();
        Path jdk = java.getParent().getParent();
        binds.add(jdk);
        binds.addAll(JDK_LINKS.computeIfAbsent(jdk, OsSandbox::linkedFrom));
        readOnly.stream().map(OsSandbox::realPath).forEach(binds::add);
        for (Path bind : binds) {
            wrapped.addAll(List.of("--ro-bind", bind.toString(), bind.toString()));
        }
        String work = realPath(writable).toString();
        wrapped.addAll(List.of("--bind", work, work, "--chdir", work, "--"));
        wrapped.add(java.toString());
        wrapped.addAll(command.subList(1, command.size()));
        return wrapped;
    }

    private static Optional<String> tryOnce(Path java) {
        if (bwrap().isEmpty()) {
            return Optional.of("bubblewrap (bwrap) is not installed");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("kata-sandbox-probe");
            Process process = new ProcessBuilder(wrap(Level.BUBBLEWRAP, List.of(java.toString(), "-version"),
                    List.of(), work)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("a JVM in bubblewrap did not start within 30 s");
            }
            if (process.exitValue() != 0) {
                String said = new String(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                return Optional.of("bubblewrap cannot start a JVM here (exit status " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said) + ")");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("bubblewrap cannot start a JVM here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying bubblewrap");
        } finally {
            if (work != null) {
                try {
                    Files.deleteIfExists(work);
                } catch (IOException ignored) {
                    // an empty folder in the temporary directory
                }
            }
        }
    }

    private static Optional<Path> bwrap() {
        String path = System.getenv("PATH");
        return Stream.concat(path == null ? Stream.empty() : Stream.of(path.split(java.io.File.pathSeparator)),
                        Stream.of("/usr/bin", "/bin"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "bwrap")).filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Files outside the JDK that it links to (Debian's JDKs link their security configuration to
     * {@code /etc}); bound so that the JDK works without the rest of {@code /etc}.
     */
    private static Set<Path> linkedFrom(Path jdk) {
        Set<Path> targets = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(jdk)) {
            files.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(jdk) && !target.startsWith("/usr/lib")) {
                        targets.add(target);
                    }
                } catch (IOException dangling) {
                    // nothing to bind
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the JDK at " + jdk, e);
        }
        return targets;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
