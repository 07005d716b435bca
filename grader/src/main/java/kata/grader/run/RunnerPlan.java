package kata.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kata.grader.course.CheckSpec;
import kata.protocol.Plan;
import kata.protocol.PlannedCheck;

/** The checks to run and their class files, as the runner reads them on its standard input. */
final class RunnerPlan {

    private RunnerPlan() {
    }

    /** @param testClasses the folder of the checks' compiled classes */
    static Plan of(String nonce, List<CheckSpec> checks, Path testClasses) {
        List<PlannedCheck> planned = checks.stream()
                .map(check -> new PlannedCheck(check.id(), check.member(), check.timeoutSeconds() * 1000L,
                        check.scheduled())).toList();
        Map<String, byte[]> classes = new HashMap<>();
        try (var files = Files.walk(testClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = testClasses.relativize(file).toString().replace(File.separatorChar, '.');
                classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checks' classes in " + testClasses, e);
        }
        return new Plan(nonce, planned, classes);
    }

    static void send(Process process, Plan plan) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(plan.encode().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JVM died at once; the supervision reports it from its exit status and stderr
        }
    }
}
