package kata.grader.selfcheck;

import java.util.List;
import kata.support.score.ExerciseResult;

/**
 * One grading of a candidate under one JVM configuration, compared with what was expected.
 *
 * @param candidate the solution
 * @param run       the JVM configuration, e.g. "1 CPU"
 * @param result    what grading gave
 * @param problems  how it differs from the expectation; empty when it matches
 */
public record Verdict(Candidate candidate, String run, ExerciseResult result, List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
