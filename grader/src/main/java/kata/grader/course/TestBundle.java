package kata.grader.course;

import java.nio.file.Path;
import java.util.List;
import kata.support.score.CheckKind;

/**
 * An exercise's checks, compiled once against its stub and reused for every submission.
 *
 * @param exercise    the exercise
 * @param testClasses compiled public and hidden tests and rules
 * @param stubClasses the compiled stub (only the rules' class loader uses it, never the test JVM)
 * @param checks      every check, public ones first, each file in source order
 */
public record TestBundle(Exercise exercise, Path testClasses, Path stubClasses, List<CheckSpec> checks) {

    public TestBundle {
        checks = List.copyOf(checks);
    }

    public List<CheckSpec> tests() {
        return checks.stream().filter(c -> c.kind() == CheckKind.TEST).toList();
    }

    public List<CheckSpec> rules() {
        return checks.stream().filter(c -> c.kind() == CheckKind.RULE).toList();
    }

    public double maxScore() {
        return checks.stream().mapToDouble(CheckSpec::points).sum();
    }
}
