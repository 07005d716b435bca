package kata.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerProcessTest {

    private static Javac.Result compileOne(Path dir, String name) throws Exception {
        Path source = Files.writeString(dir.resolve(name + ".java"), "class " + name + " {}");
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        return CompilerProcess.compile(List.of(source), List.of(), classes);
    }

    /** The compiler JVMs this grader started, alive now. */
    private static List<ProcessHandle> compilerJvms() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p.pid()).contains("kata.grader.cli.CompilerWorker")).toList();
    }

    /** Read whole: ProcessHandle.Info cuts a long command line (the class path) short. */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }

    @Test
    void aCompilerJvmThatDiedWhileIdleIsReplacedAndTheCompilationSucceeds(@TempDir Path dir) throws Exception {
        assertTrue(compileOne(dir, "First").success());
        List<ProcessHandle> warm = compilerJvms();
        assertFalse(warm.isEmpty(), "a compiler JVM stays warm after a compilation");

        for (ProcessHandle jvm : warm) {
            jvm.destroyForcibly();
            jvm.onExit().get(30, TimeUnit.SECONDS);
        }
        Javac.Result again = compileOne(dir, "Second");

        assertTrue(again.success(), again.errors().toString());
        assertTrue(Files.isRegularFile(dir.resolve("classes-Second/Second.class")));
    }

    @Test
    void aCompilerJvmInheritsNothingOfTheGradersEnvironmentButTheLocale(@TempDir Path dir) throws Exception {
        assertTrue(compileOne(dir, "Third").success());

        for (ProcessHandle jvm : compilerJvms()) {
            List<String> names = environmentNames(jvm.pid());
            assertTrue(CompilerProcess.LOCALE.containsAll(names), names.toString());
        }
    }

    private static List<String> environmentNames(long pid) throws IOException {
        String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8);
        return Arrays.stream(environ.split("\0")).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.substring(0, entry.indexOf('='))).toList();
    }
}
