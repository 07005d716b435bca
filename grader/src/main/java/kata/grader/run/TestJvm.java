package kata.grader.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.grader.course.TestRuntime;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;

/**
 * Runs an exercise's test checks against the student's classes in a separate JVM with time and
 * memory limits. When that JVM ends early (a check timed out, the code called System.exit, ran
 * out of memory, crashed), the check it was running gets a verdict that says so, and a new JVM
 * runs the checks that remain.
 */
public final class TestJvm {

    /**
     * What the runs produced.
     *
     * @param outcomes one per test check, by id, in plan order
     * @param java     the test JVM's Java version and vendor, when one started
     * @param cpus      CPUs the test JVM saw
     * @param isolation how the operating system confined it
     */
    public record Result(Map<String, CheckOutcome> outcomes, String javaVersion, String javaVendor, int cpus,
                         OsSandbox.Level isolation) {
    }

    private TestJvm() {
    }

    public static Result run(TestBundle bundle, List<CheckSpec> tests, Path studentClasses, TestRuntime runtime,
                             JvmOptions options, Path workDir) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        long deadline = System.nanoTime() + bundle.exercise().limits().exerciseSeconds() * 1_000_000_000L;
        List<CheckSpec> remaining = new ArrayList<>(tests);
        Launch.Report last = null;
        while (!remaining.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                all(remaining, outcomes, CheckStatus.SKIPPED, "Not run: the exercise's time limit of "
                        + bundle.exercise().limits().exerciseSeconds() + " s ran out before this check.");
                break;
            }
            Launch.Report report = new Launch(bundle, remaining, studentClasses, runtime, options, workDir, deadline).run();
            last = report.javaVersion().isEmpty() && last != null ? last : report;
            outcomes.putAll(report.outcomes());
            remaining.removeIf(check -> outcomes.containsKey(check.id()));
            if (report.outcomes().isEmpty() && !remaining.isEmpty()) {
                all(remaining, outcomes, CheckStatus.ERROR, report.startFailure());
                break;
            }
        }
        Map<String, CheckOutcome> ordered = new LinkedHashMap<>();
        tests.forEach(check -> ordered.put(check.id(), outcomes.get(check.id())));
        return last == null ? new Result(ordered, "", "", 0, OsSandbox.Level.NONE)
                : new Result(ordered, last.javaVersion(), last.javaVendor(), last.cpus(), last.isolation());
    }

    private static void all(List<CheckSpec> checks, Map<String, CheckOutcome> outcomes, CheckStatus status,
                            String message) {
        for (CheckSpec check : checks) {
            outcomes.put(check.id(), CheckOutcome.of(status, message));
        }
    }
}
