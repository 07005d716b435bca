package kata.grader.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kata.grader.Fixtures;
import kata.grader.classresults.SimilarPair;
import kata.grader.classresults.Similarity;
import org.junit.jupiter.api.Test;

/**
 * A copy planted among independent solutions is found, and nothing else is. The independent ones
 * are parallel-map's reference solution and the five known-wrong solutions that rewrite it (the
 * other wrong solutions change a line or two of the reference, so they are copies of it in this
 * sense); pairwise they share at most about half of their code. The planted copy is the reference
 * with every name changed, its methods reordered and its comments gone.
 */
class SimilarityCheckTest {

    private static final String KATA = "parallel-map";
    private static final List<String> REWRITES = List.of("catches-only-runtime-exceptions", "thread-per-element",
            "sequential", "swallowed-exception", "completion-order");

    private static SimilarityCheck.Kata parallelMap() {
        Path root = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath().normalize();
        Map<String, Path> submissions = new TreeMap<>();
        submissions.put("reference", root.resolve("solutions").resolve(KATA).resolve("src/main/java"));
        for (String rewrite : REWRITES) {
            submissions.put(rewrite, root.resolve("solutions").resolve(KATA).resolve("wrong").resolve(rewrite)
                    .resolve("src/main/java"));
        }
        submissions.put("planted-copy", Fixtures.resource("similarity/planted-copy"));
        return new SimilarityCheck.Kata(KATA, root.resolve("exercises").resolve(KATA).resolve("src/main/java"),
                submissions);
    }

    @Test
    void aCopyWithRenamedVariablesAndReorderedMethodsIsTheOnlyPairFound() {
        Optional<Path> java = Java21.find(null);
        assumeTrue(java.isPresent(), "no Java 21+ for JPlag on this machine (CI's has Temurin 25)");

        Similarity similarity = SimilarityCheck.run(List.of(parallelMap()), new SimilarityCheck.Settings(0.6, java));

        assertEquals(List.of(new Similarity.Compared(KATA, 7)), similarity.compared());
        assertEquals(List.of(), similarity.notes());
        assertEquals(1, similarity.pairs().size(), similarity.pairs().toString());
        SimilarPair pair = similarity.pairs().get(0);
        assertEquals(List.of("planted-copy", "reference"), List.of(pair.first(), pair.second()));
        assertTrue(pair.similarity() >= 0.9, "similarity " + pair.similarity());
        // The longest matched region, side by side: the same code under other names.
        SimilarPair.Region longest = pair.regions().get(0);
        assertEquals("kata/map/ParallelMap.java", longest.first().file());
        assertTrue(longest.first().text().contains("completed.submit(() -> f.apply(item))"), longest.first().text());
        assertTrue(longest.second().text().contains("finished.submit(() -> function.apply(input))"),
                longest.second().text());
    }

    @Test
    void withoutJava21NothingIsComparedAndTheNoteSaysWhy() {
        Similarity similarity = SimilarityCheck.run(List.of(parallelMap()),
                new SimilarityCheck.Settings(0.6, Optional.empty()));

        assertEquals(List.of(), similarity.pairs());
        assertTrue(similarity.notes().get(0).contains("JPlag needs Java 21 or later"), similarity.notes().toString());
    }

    @Test
    void aJavaOlderThan21IsRefusedWhenGiven() {
        Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(Runtime.version().feature() < 21, "this JVM is 21 or later");

        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Java21.find(java17));

        assertTrue(refused.getMessage().contains("needs Java 21 or later"), refused.getMessage());
    }
}
