package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grader.jar batch killed with SIGKILL in the middle of a class, then run again. */
class BatchKillIT {

    private static Process batch(Path dir, Path subs, Path out, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("kata.grader.jar"), "batch", subs.toString(), "--out",
                out.toString(), "--jobs", "1", "--progress", "lines", "--course",
                Fixtures.resource("fixture-course").toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static long count(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    @Test
    void aRunKilledMidClassIsFinishedByTheNextWithoutRegradingWhatWasDone(@TempDir Path dir) throws Exception {
        // Graded in this order with one worker: two quick compile errors, then a submission that
        // hangs until its check limit, which is where the kill lands. Batch grades the largest
        // entries first, so the two compile errors carry notes that make them the largest.
        Path subs = dir.resolve("subs");
        FileTree.copyTree(Fixtures.submission("does-not-compile"), subs.resolve("a1"));
        FileTree.copyTree(Fixtures.submission("does-not-compile"), subs.resolve("a2"));
        Files.writeString(subs.resolve("a1/notes.txt"), "n".repeat(100_000));
        Files.writeString(subs.resolve("a2/notes.txt"), "n".repeat(100_000));
        FileTree.copyTree(Fixtures.submission("hangs"), subs.resolve("b-hangs"));
        FileTree.copyTree(Fixtures.submission("correct"), subs.resolve("c-correct"));
        Path out = dir.resolve("out");

        Process first = batch(dir, subs, out, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count(out.resolve(".state"), ".done") < 2 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a folder another process writes; no event to wait on
        }
        assertTrue(first.isAlive(), "the batch ended before the kill: " + Files.readString(dir.resolve("first.log")));
        // The test JVM the grader started for the hanging submission; SIGKILL does not reach it.
        List<ProcessHandle> testJvms = first.descendants().toList();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        first.waitFor(1, TimeUnit.MINUTES);
        testJvms.forEach(ProcessHandle::destroyForcibly);
        long killedScorecards = count(out.resolve("scorecards"), ".json");

        Process second = batch(dir, subs, out, dir.resolve("second.log"));
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the second run did not finish");
        String log = Files.readString(dir.resolve("second.log"), StandardCharsets.UTF_8);

        assertEquals(0, second.exitValue(), log);
        assertTrue(killedScorecards >= 2, "the first run wrote " + killedScorecards + " scorecards");
        assertTrue(log.contains("This run graded 2 and kept 2 unchanged."), log);
        assertTrue(log.contains("a1 0/5 graded (unchanged, kept)") && log.contains("a2 0/5 graded (unchanged, kept)"),
                log);
        for (String entry : List.of("a1", "a2", "b-hangs", "c-correct")) {
            assertEquals(entry, ScorecardJson.read(out.resolve("scorecards").resolve(entry + ".json")).submissionId());
        }
        assertEquals(5.0, ScorecardJson.read(out.resolve("scorecards/c-correct.json")).score());
        try (Stream<Path> walk = Files.walk(out)) {
            assertEquals(List.of(), walk.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".partial") || n.equals(".work")).toList());
        }
        assertEquals(5, Files.readAllLines(out.resolve("summary.csv")).size());
    }
}
