package kata.grader.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kata.grader.run.JvmOptions;
import org.junit.jupiter.api.Test;

class BuildPlanTest {

    private static Candidate candidate(String name) {
        return new Candidate("kata", name, Path.of(name), Candidate.Expected.allPass());
    }

    @Test
    void theReferenceAndTheStubRunUnderBothConfigurationsEveryOtherCandidateOnceInTurn() {
        List<Candidate> candidates = List.of(candidate("reference"), candidate("correct/a"), candidate("stub"),
                candidate("wrong/b"), candidate("wrong/c"));

        List<SelfCheck.Grading> plan = SelfCheck.buildPlan(candidates, JvmOptions.defaults());

        Map<String, List<Boolean>> oneCpu = plan.stream().collect(Collectors.groupingBy(
                g -> g.candidate().name(), Collectors.mapping(g -> g.run().oneCpu(), Collectors.toList())));
        assertEquals(List.of(false, true), oneCpu.get("reference"));
        assertEquals(List.of(false, true), oneCpu.get("stub"));
        assertEquals(List.of(false), oneCpu.get("correct/a"));
        assertEquals(List.of(true), oneCpu.get("wrong/b"));
        assertEquals(List.of(false), oneCpu.get("wrong/c"));
        assertEquals(7, plan.size());
    }

    @Test
    void twoSharesGradeEveryCandidateOnceBetweenThemAndTheReferenceAndStubInEachUnderTheOtherConfiguration() {
        List<Candidate> candidates = List.of(candidate("reference"), candidate("correct/a"), candidate("stub"),
                candidate("wrong/b"), candidate("wrong/c"));

        List<SelfCheck.Grading> first = SelfCheck.buildPlan(candidates, JvmOptions.defaults(), 0, 2);
        List<SelfCheck.Grading> second = SelfCheck.buildPlan(candidates, JvmOptions.defaults(), 1, 2);

        assertEquals(List.of("reference", "correct/a", "stub", "wrong/c"), names(first));
        assertEquals(List.of("reference", "stub", "wrong/b"), names(second));
        assertEquals(List.of(false, false, true, true), oneCpu(first));
        assertEquals(List.of(true, false, true), oneCpu(second));
    }

    private static List<String> names(List<SelfCheck.Grading> plan) {
        return plan.stream().map(g -> g.candidate().name()).toList();
    }

    private static List<Boolean> oneCpu(List<SelfCheck.Grading> plan) {
        return plan.stream().map(g -> g.run().oneCpu()).toList();
    }
}
