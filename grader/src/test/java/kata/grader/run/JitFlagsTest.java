package kata.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import kata.grader.course.TestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT flags, tried on a JVM: which tier a student's method reaches after twenty calls. The JVM
 * runs with -Xbatch, so each compilation happens on the calling thread before the next call and the
 * outcome does not depend on how busy the machine is.
 */
class JitFlagsTest {

    private static final String PROGRAM = """
            package kata.student;

            public class Loop {
                static int step(int i) {
                    return i * 31 + 7;
                }

                public static void main(String[] args) throws Exception {
                    int sum = 0;
                    for (int i = 0; i < 20; i++) {
                        sum += step(i);
                    }
                    System.out.println("sum " + sum);
                }
            }
            """;

    @Test
    void compiledFirstTheStudentsMethodsAreC2CodeWithinTwentyCalls(@TempDir Path dir) throws Exception {
        assertTrue(tiersOfStep(dir, true).contains(4), "step() should be compiled by C2");
    }

    @Test
    void otherwiseTheStudentsMethodsKeepTheUsualThresholds(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), tiersOfStep(dir, false), "step() should still be interpreted after twenty calls");
    }

    /** The tiers kata.student.Loop::step was compiled at, in order. */
    private static List<Integer> tiersOfStep(Path dir, boolean compiledFirst) throws Exception {
        Path classes = compile(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xbatch", "-XX:+PrintCompilation"));
        command.addAll(JitFlags.of(Set.of("kata.student"), compiledFirst, TestRuntime.shipped().jitDirectives()));
        command.addAll(List.of("-cp", classes.toString(), "kata.student.Loop"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("sum "), output);
        List<Integer> tiers = new ArrayList<>();
        for (String line : output.lines().toList()) {
            // "     32    3       4       kata.student.Loop::step (8 bytes)"
            String[] fields = line.trim().split("\\s+");
            int method = List.of(fields).indexOf("kata.student.Loop::step");
            if (method > 0 && !line.contains("made not entrant")) {
                tiers.add(Integer.parseInt(fields[method - 1]));
            }
        }
        return tiers;
    }

    private static Path compile(Path dir) throws IOException {
        Path source = dir.resolve("src/kata/student/Loop.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, PROGRAM);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "javac failed");
        return classes;
    }
}
