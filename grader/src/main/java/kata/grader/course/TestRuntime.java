package kata.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The libraries of the test JVM, as shipped in the grader: its class path (the runner, JUnit,
 * Awaitility, the kata support library, which is also the scheduling agent), and the jars only
 * needed to compile tests and rules.
 *
 * @param classpath   the test JVM's class path
 * @param agentJar    the kata agent, {@code -javaagent} of the test JVM
 * @param compileOnly extra jars for compiling tests and rules
 * @param jitDirectives the test JVM's compiler directives (which code C2 leaves to C1)
 */
public record TestRuntime(List<Path> classpath, Path agentJar, List<Path> compileOnly, Path jitDirectives) {

    private static final String AGENT = "kata-support.jar";
    private static final String JIT_DIRECTIVES = "jit-directives.json";

    public TestRuntime {
        classpath = List.copyOf(classpath);
        compileOnly = List.copyOf(compileOnly);
    }

    /** The runtime shipped with this grader. */
    public static TestRuntime shipped() {
        Path root = Resources.folder("kata-runtime");
        List<Path> lib = jars(root.resolve("lib"));
        Path agent = root.resolve("lib").resolve(AGENT);
        Path directives = root.resolve(JIT_DIRECTIVES);
        for (Path required : List.of(agent, directives)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException("The grader's test runtime lacks " + root.relativize(required)
                        + " in " + root);
            }
        }
        return new TestRuntime(lib, agent, jars(root.resolve("compile")), directives);
    }

    /** Everything tests and rules compile against. */
    public List<Path> compileClasspath() {
        List<Path> all = new ArrayList<>(classpath);
        all.addAll(compileOnly);
        return all;
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
