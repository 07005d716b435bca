package kata.grader.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kata.support.score.ExerciseResult;
import kata.support.score.Scoring;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final ExerciseResult GRADED = Scoring.error("kata", "Kata", List.of(), "not graded", 1500);

    private static Verdict verdict(String name, String run) {
        return new Verdict(new Candidate("kata", name, Path.of(name), Candidate.Expected.allPass()), run, GRADED,
                List.of());
    }

    @Test
    void candidatesGradedUnderTheSameRunsShareOneHeaderOfRuns() {
        String table = SelfCheck.table(List.of(verdict("reference", "all CPUs"), verdict("reference", "1 CPU"),
                verdict("wrong/a", "all CPUs"), verdict("wrong/a", "1 CPU")));

        List<String> lines = table.lines().toList();
        assertEquals("Each run: verdict, score, time to grade.", lines.get(0));
        assertTrue(lines.get(1).contains("2+ CPUs") && lines.get(1).contains("1 CPU"), table);
    }

    @Test
    void candidatesGradedUnderDifferentRunsNameTheRunInEachCell() {
        String table = SelfCheck.table(List.of(verdict("reference", "all CPUs, C2-compiled early"),
                verdict("wrong/a", "1 CPU")));

        List<String> lines = table.lines().toList();
        assertEquals("Each grading: run, verdict, score, time to grade.", lines.get(0));
        assertTrue(lines.get(1).startsWith("kata reference") && lines.get(1).contains("2+ CPUs C2"), table);
        assertTrue(lines.get(2).startsWith("kata wrong/a") && lines.get(2).contains("1 CPU"), table);
    }
}
