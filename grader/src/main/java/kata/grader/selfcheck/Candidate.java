package kata.grader.selfcheck;

import java.nio.file.Path;
import java.util.Set;

/**
 * One solution of an exercise whose verdict is known in advance.
 *
 * @param slug     the exercise
 * @param name     {@code reference}, {@code stub}, {@code correct/<name>} or {@code wrong/<name>}
 * @param sources  its {@code src/main/java}
 * @param expected what grading it must give
 */
public record Candidate(String slug, String name, Path sources, Expected expected) {

    /**
     * What grading a candidate must give.
     *
     * @param fullMarks every check passes
     * @param zero      the score is 0
     * @param mustFail  these checks do not pass on any run (for a known-wrong solution)
     * @param mayFail   these checks may fail too: they catch the bug only when a race they cannot
     *                  force goes its way; every other check passes
     * @param why       why the solution is wrong, from its expected.json
     */
    public record Expected(boolean fullMarks, boolean zero, Set<String> mustFail, Set<String> mayFail, String why) {

        static Expected allPass() {
            return new Expected(true, false, Set.of(), Set.of(), "");
        }

        static Expected nothingPasses() {
            return new Expected(false, true, Set.of(), Set.of(), "");
        }

        static Expected failing(Set<String> checks, Set<String> sometimes, String why) {
            return new Expected(false, false, Set.copyOf(checks), Set.copyOf(sometimes), why);
        }
    }
}
