package kata.support.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the hooks ({@code kata.support.boot}) on the boot class path, so that JDK classes can call
 * them, and lets java.base read them. The classes come out of the agent's own jar into a small jar
 * of their own, so the one kata-support jar is all a test run needs. Also opens the lock packages of
 * java.base to the support library, which names a lock's owner from its private fields.
 */
final class BootBridge {

    private static final String[] CLASSES = {"kata/support/boot/Hooks.class", "kata/support/boot/Dispatcher.class"};

    private BootBridge() {
    }

    static void install(Instrumentation instrumentation) {
        Path jar = writeJar();
        try {
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class<?> hooks = Class.forName("kata.support.boot.Hooks", true, null);
            Module bridge = hooks.getModule();
            Module base = Object.class.getModule();
            Module support = BootBridge.class.getModule();
            instrumentation.redefineModule(base, Set.of(bridge), Map.of(),
                    Map.of("java.util.concurrent.locks", Set.of(support), "java.util.concurrent", Set.of(support)),
                    Set.of(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("kata agent: cannot read its boot jar " + jar, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("kata agent: the hooks are not on the boot class path", e);
        }
    }

    private static Path writeJar() {
        try {
            Path jar = Files.createTempFile("kata-boot-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (String name : CLASSES) {
                    try (InputStream in = BootBridge.class.getClassLoader().getResourceAsStream(name)) {
                        if (in == null) {
                            throw new IllegalStateException("kata agent: " + name + " is missing from its jar");
                        }
                        out.putNextEntry(new JarEntry(name));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("kata agent: cannot write its boot jar", e);
        }
    }
}
