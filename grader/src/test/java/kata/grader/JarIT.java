package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kata.grader.course.CheckSpec;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.scorecards.ScorecardJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged grader.jar, run the way the README tells instructors to run it. */
class JarIT {

    private record Run(int status, String out, String err) {
    }

    private static Run java(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("kata.grader.jar")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("grader.jar " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Every check of every kata in the course: what the correct sample, all references, earns. */
    private static long coursePoints() {
        Course course = Course.load(Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize(),
                TestRuntime.shipped());
        return Math.round(course.exercises().stream().flatMap(e -> course.bundle(e).checks().stream())
                .mapToDouble(CheckSpec::points).sum());
    }

    @Test
    void theDemoGradesTheFourSamplesAndWritesTheirScorecards(@TempDir Path dir) throws Exception {
        Run run = java(dir, "demo", "--out", "cards");

        assertEquals(0, run.status(), run.err());
        long total = coursePoints();
        assertTrue(run.out().contains("correct: " + total + " / " + total + " points"), run.out());
        // racy and deadlocking submit fix-the-race and break-the-deadlock only: their totals are the
        // first lines of the golden files that SamplesGoldenTest pins.
        for (String sample : List.of("racy", "deadlocking")) {
            String headline = Files.readAllLines(Path.of("src/test/resources/golden", sample + ".txt")).get(0);
            assertTrue(headline.startsWith(sample + ": ") && headline.endsWith(" / " + total + " points"), headline);
            assertTrue(run.out().contains(headline), run.out());
        }
        assertTrue(run.out().contains("does-not-compile: 0 / " + total + " points"), run.out());
        assertTrue(run.out().indexOf("correct:") < run.out().indexOf("racy:"), "samples in a fixed order");
        for (String sample : List.of("correct", "racy", "deadlocking", "does-not-compile")) {
            assertEquals(sample, ScorecardJson.read(dir.resolve("cards").resolve(sample + ".json")).submissionId());
        }
    }

    @Test
    void usageErrorsExitTwoWithAOneLineError(@TempDir Path dir) throws Exception {
        Run run = java(dir, "grade", "missing-dir", "--out", "x.json");

        assertEquals(2, run.status());
        assertEquals("error: submission not found: missing-dir", run.err().lines().findFirst().orElse(""));
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void helpWorksWithoutAnyCourseOrNetwork(@TempDir Path dir) throws Exception {
        Run run = java(dir, "grade", "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: grader.jar grade"), run.out());
    }
}
