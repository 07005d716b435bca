package kata.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import kata.grader.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK allow-list on code as students write it: what javac makes of the language is never refused. */
class SafetyRulesTest {

    @Test
    void theIdiomsOfCorrectSolutionsAreAllGranted(@TempDir Path classes) throws IOException {
        Path sources = Fixtures.resource("sandbox/idioms");

        List<Violation> violations = SafetyRules.check(compile(sources, classes), sources,
                EnumSet.noneOf(Allowance.class), List.of(), Set.of());

        assertEquals("", violations.stream().map(v -> v.location() + " " + v.what() + ": " + v.reason())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void aMemberInheritedFromThreadIsJudgedAsThreads(@TempDir Path dir) throws IOException {
        Path sources = write(dir.resolve("src"), "probe/Probe.java", """
                package probe;

                public class Probe extends Thread {
                    public String where() {
                        return java.util.Arrays.toString(getStackTrace());
                    }
                }
                """);

        List<Violation> violations = SafetyRules.check(compile(sources, dir.resolve("classes")), sources,
                EnumSet.noneOf(Allowance.class), List.of(), Set.of());

        assertEquals(List.of("calls Probe.getStackTrace()"), violations.stream().map(Violation::what).toList());
        assertEquals(Allowance.THREAD_CONTROL.reason(), violations.get(0).reason());
    }

    @Test
    void aJdkClassOutsideTheListIsRefusedUntilTheSpecGrantsItByName(@TempDir Path dir) throws IOException {
        Path sources = write(dir.resolve("src"), "probe/Probe.java", """
                package probe;

                public class Probe {
                    public void log(String message) {
                        java.util.logging.Logger.getGlobal().info(message);
                    }
                }
                """);
        Path classes = compile(sources, dir.resolve("classes"));

        List<Violation> refused = SafetyRules.check(classes, sources, EnumSet.noneOf(Allowance.class), List.of(),
                Set.of());
        List<Violation> granted = SafetyRules.check(classes, sources, EnumSet.noneOf(Allowance.class),
                List.of(JdkAllowList.Grant.parse("java.util.logging.Logger").orElseThrow()), Set.of());

        assertTrue(refused.stream().anyMatch(v -> v.what().equals("calls Logger.getGlobal()")), refused.toString());
        assertEquals(List.of(), granted);
    }

    @Test
    void aSpecGrantNamesAPackageAClassOrAMember() {
        assertEquals(new JdkAllowList.Grant("java.util.logging", true, Set.of(), null),
                JdkAllowList.Grant.parse("java.util.logging").orElseThrow());
        assertEquals(new JdkAllowList.Grant("java.lang.System", false, Set.of("getenv"), null),
                JdkAllowList.Grant.parse("java.lang.System#getenv").orElseThrow());
        assertTrue(JdkAllowList.Grant.parse("sockets").isEmpty());
        assertTrue(JdkAllowList.Grant.parse("java.lang.System#").isEmpty());
    }

    private static Path write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return root;
    }

    private static Path compile(Path sources, Path classes) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(), System.err,
                arguments.toArray(String[]::new));
        assertEquals(0, status, "javac failed on " + sources);
        return classes;
    }
}
