package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.run.JvmOptions;
import kata.grader.selfcheck.Candidate;
import kata.grader.selfcheck.SelfCheck;
import kata.grader.selfcheck.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's proof that the grader's verdicts are right: every exercise's reference solution gets
 * full marks, its stub 0, each correct solution full marks and each known-wrong solution fails
 * exactly the checks its expected.json names. To fit CI's time each candidate is graded once, on all
 * CPUs with the student code C2-compiled early or with the test JVM on one CPU, alternately. Every
 * candidate on every configuration, N times: {@code java -jar grader/target/grader.jar selfcheck
 * --repeat N}.
 *
 * <p>More gradings than CPUs run at once: much of a grading's time goes to waits (process start-up,
 * checks that wait for a thread to block), and the verdicts must not depend on a busy machine anyway.
 * Two more on JDK 17, one more on JDK 25, whose test JVMs take more CPU each: the faster of the two
 * measured on CI for each JDK. The longest of the integration tests, it starts first; the others run
 * beside it (see failsafe's configuration in the pom).
 */
@Order(1)
class SelfCheckIT {

    @TestFactory
    Stream<DynamicTest> everyVerdictIsRightOnEveryRun() {
        Path root = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();
        Course course = Course.load(root, TestRuntime.shipped());
        List<Candidate> candidates = SelfCheck.candidates(course, root.resolve("solutions"), List.of());
        assertEquals(List.of(), SelfCheck.unknownChecks(course, candidates));

        // CI runs this on JDK 17 and 25: each grades half of the candidates (all of them between the
        // two), and the reference and the stub, each under the configuration the other JDK does not
        // use; -Dkata.selfcheck.shares=1 grades every one here, the reference and the stub under both.
        int shares = Integer.getInteger("kata.selfcheck.shares", 2);
        int share = Runtime.version().feature() >= 25 ? shares - 1 : 0;
        List<Verdict> verdicts = SelfCheck.run(Grader.of(course),
                SelfCheck.buildPlan(candidates, JvmOptions.defaults(), share, shares),
                Runtime.getRuntime().availableProcessors() + (Runtime.version().feature() >= 25 ? 1 : 2));
        System.out.print(SelfCheck.table(verdicts));

        return verdicts.stream().map(verdict -> DynamicTest.dynamicTest(
                verdict.candidate().slug() + " " + verdict.candidate().name() + " [" + verdict.run() + "]",
                () -> assertTrue(verdict.ok(), verdict.candidate().slug() + " " + verdict.candidate().name()
                        + " [" + verdict.run() + "]: " + String.join("\n", verdict.problems()))));
    }
}
