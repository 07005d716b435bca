package kata.support.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which classes are student code. The agent argument is either a list of class directories
 * (separated like a class path), matched by where a class was loaded from, or
 * {@code prefix=a.b.,c.d.} for class-name prefixes (used by the support library's own tests).
 * With {@code observe:} in front, the agent learns which classes are the student's (for messages)
 * and adds no scheduling points to them: for katas about the JIT and the memory model, whose bugs
 * the scheduling hooks would hide. (The JDK's hooks are installed either way.)
 */
final class AgentConfig {

    private static final String OBSERVE = "observe:";

    private final List<Path> roots;
    private final List<String> internalPrefixes;
    private final Set<String> rootClassNames;
    private final boolean instrument;

    private AgentConfig(List<Path> roots, List<String> internalPrefixes, boolean instrument) {
        this.roots = roots;
        this.internalPrefixes = internalPrefixes;
        this.rootClassNames = scan(roots);
        this.instrument = instrument;
    }

    /** False in observe mode: no scheduling points are added to the student's classes. */
    boolean instruments() {
        return instrument;
    }

    static AgentConfig parse(String argument) {
        if (argument != null && argument.startsWith(OBSERVE)) {
            AgentConfig config = parse(argument.substring(OBSERVE.length()));
            return new AgentConfig(config.roots, config.internalPrefixes, false);
        }
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException(
                    "kata agent: no argument; pass the student classes directory, e.g. "
                            + "-javaagent:kata-support.jar=target/classes");
        }
        if (argument.startsWith("prefix=")) {
            List<String> prefixes = Arrays.stream(argument.substring("prefix=".length()).split(","))
                    .filter(p -> !p.isBlank())
                    .map(p -> p.trim().replace('.', '/'))
                    .toList();
            return new AgentConfig(List.of(), prefixes, true);
        }
        List<Path> dirs = new ArrayList<>();
        for (String entry : argument.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(canonical(Paths.get(entry.trim())));
            }
        }
        return new AgentConfig(List.copyOf(dirs), List.of(), true);
    }

    /** True when the class with this internal name (a/b/C) is student code. */
    boolean isStudentClass(String internalName) {
        if (rootClassNames.contains(internalName)) {
            return true;
        }
        for (String prefix : internalPrefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True when a class being loaded should be instrumented. */
    boolean shouldInstrument(String internalName, ProtectionDomain domain) {
        if (!internalPrefixes.isEmpty()) {
            return isStudentClass(internalName);
        }
        return rootClassNames.contains(internalName) && loadedFromRoot(domain);
    }

    private boolean loadedFromRoot(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return false;
        }
        try {
            return roots.contains(canonical(Paths.get(location.toURI())));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Set<String> scan(List<Path> roots) {
        Set<String> names = new HashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String relative = root.relativize(f).toString().replace(File.separatorChar, '/');
                    names.add(relative.substring(0, relative.length() - ".class".length()));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("kata agent: cannot read " + root, e);
            }
        }
        return Set.copyOf(names);
    }
}
