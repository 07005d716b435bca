package kata.grader.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import org.junit.jupiter.api.Test;

/** A wrong solution must fail every check it names in "fails", may fail those in "may_fail", and pass the rest. */
class ExpectedVerdictTest {

    private static final Candidate WRONG = new Candidate("kata", "wrong/x", Path.of("x"),
            Candidate.Expected.failing(Set.of("always"), Set.of("racy"), "why"));

    @Test
    void aCheckThatCatchesTheBugOnlyOnSomeRunsMayPassOrFail() {
        assertEquals(List.of(), SelfCheck.problems(WRONG, result("always", "racy")));
        assertEquals(List.of(), SelfCheck.problems(WRONG, result("always")));
    }

    @Test
    void aCheckNamedInFailsMustFailAndNoOtherMayFail() {
        List<String> missing = SelfCheck.problems(WRONG, result("racy"));
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("should fail [always]"), missing.get(0));

        List<String> extra = SelfCheck.problems(WRONG, result("always", "other"));
        assertEquals(1, extra.size(), extra.toString());
        assertTrue(extra.get(0).startsWith("should pass, but did not: other"), extra.get(0));
    }

    private static ExerciseResult result(String... failed) {
        List<CheckResult> checks = List.of("always", "racy", "other").stream()
                .map(id -> check(id, Arrays.asList(failed).contains(id))).toList();
        return new ExerciseResult("kata", "Kata", ExerciseStatus.FAILED, 0, 3, "", 0, checks);
    }

    private static CheckResult check(String id, boolean failed) {
        return new CheckResult(id, id, CheckKind.TEST, Visibility.VISIBLE, failed ? CheckStatus.FAILED : CheckStatus.PASSED,
                failed ? 0 : 1, 1, failed ? "failed" : "", 0, "", false, null);
    }
}
