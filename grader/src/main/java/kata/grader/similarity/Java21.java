package kata.grader.similarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java 21+ runtime for JPlag: the one given, else the one running the grader if recent
 * enough, else the newest JDK installed where Linux distributions put them ({@code /usr/lib/jvm}).
 */
public final class Java21 {

    static final int NEEDED = 21;

    private Java21() {
    }

    /** @throws IllegalArgumentException when the given java is not 21 or later */
    public static Optional<Path> find(Path given) {
        if (given != null) {
            Path home = home(given);
            int version = version(home);
            if (version < NEEDED) {
                throw new IllegalArgumentException(given + " is " + (version == 0 ? "not a Java runtime"
                        : "Java " + version) + "; the similarity check needs Java " + NEEDED + " or later");
            }
            return Optional.of(home.resolve("bin/java"));
        }
        if (Runtime.version().feature() >= NEEDED) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            List<Path> found = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> version(h) >= NEEDED).sorted(Comparator.comparingInt(Java21::version).reversed())
                    .toList();
            return found.stream().findFirst().map(h -> h.resolve("bin/java"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The home of a java executable ({@code <home>/bin/java}) or the home itself. */
    private static Path home(Path java) {
        Path real = java;
        try {
            real = java.toRealPath();
        } catch (IOException e) {
            // keep the path as given; version() will say it is not a runtime
        }
        return Files.isDirectory(real) ? real : real.getParent() == null ? real : real.getParent().getParent();
    }

    /** The feature version in the home's {@code release} file; 0 when there is none. */
    static int version(Path home) {
        Path release = home == null ? null : home.resolve("release");
        if (release == null || !Files.isRegularFile(release)) {
            return 0;
        }
        try (var in = Files.newInputStream(release)) {
            Properties properties = new Properties();
            properties.load(in);
            String text = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            String feature = text.startsWith("1.") ? text.substring(2) : text;
            int end = 0;
            while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
                end++;
            }
            return end == 0 ? 0 : Integer.parseInt(feature.substring(0, end));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
