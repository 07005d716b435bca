package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle's scripts, run outside Gradescope through their AUTOGRADER_HOME override:
 * setup.sh and run_autograder look in the same place, run_autograder needs no interpreter that
 * setup.sh does not install, and execution_time is the wall time the script measured around the grader.
 */
class GradescopeKitIT {

    private static final Path KIT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize()
            .resolve("templates/gradescope");

    /** /autograder as Gradescope lays it out: source/ with the bundle, submission/ with the student's files. */
    private static Path autograder(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("autograder"));
        Path source = Files.createDirectories(home.resolve("source"));
        Files.copy(Path.of(System.getProperty("kata.grader.jar")), source.resolve("grader.jar"));
        Files.copy(KIT.resolve("setup.sh"), source.resolve("setup.sh"));
        Files.copy(KIT.resolve("run_autograder"), source.resolve("run_autograder"));
        // A zip of the repository that unpacks into one wrapping folder.
        Path root = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();
        FileTree.copyTree(root.resolve("grader/samples/does-not-compile"), home.resolve("submission/katas-main"));
        return home;
    }

    /** A directory of commands that stand in for real ones, put first on the PATH. */
    private static Path fakes(Path dir, Map<String, String> scripts) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = bin.resolve(script.getKey());
            Files.writeString(file, "#!/usr/bin/env bash\n" + script.getValue() + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private record Run(int status, String output) {
    }

    private static Run bash(Path script, Path home, Path fakeBin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("AUTOGRADER_HOME", home.toString());
        builder.environment().put("PATH", fakeBin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Path log = Files.createTempFile(home, "script", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), script + " did not finish");
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Any interpreter the bundle would need beyond bash and the JDK fails the run, and says so. */
    private static Map<String, String> noInterpreters(Path dir) {
        String refuse = "echo \"$0 was called\" >> " + dir.resolve("interpreters.log") + "; exit 97";
        return Map.of("python3", refuse, "python", refuse, "perl", refuse, "node", refuse, "ruby", refuse);
    }

    @Test
    void setupHonoursTheSameHomeAsRunAutograder(@TempDir Path dir) throws Exception {
        Path home = autograder(dir);
        Path fakeBin = fakes(dir, Map.of("apt-get", "echo \"apt-get $*\" >> " + dir.resolve("apt.log")));

        Run setup = bash(home.resolve("source/setup.sh"), home, fakeBin);

        assertEquals(0, setup.status(), setup.output());
        assertTrue(setup.output().contains("kata-grader "), "grader.jar ran from $AUTOGRADER_HOME: " + setup.output());
        assertTrue(Files.readString(dir.resolve("apt.log")).contains("install -y -qq openjdk-17-jdk-headless"));
    }

    /**
     * A clock that moves 12.034567890 s between its readings, so that the time run_autograder reports
     * is known exactly, whatever the machine's load or its wall clock does meanwhile.
     */
    private static Map<String, String> steppingClock(Path dir) {
        Path count = dir.resolve("clock-readings");
        return Map.of("date", "[ \"$*\" = '+%s%N' ] || { echo \"date $* was called\" >&2; exit 97; }\n"
                + "n=$(cat " + count + " 2>/dev/null || echo 0); echo $((n + 1)) > " + count + "\n"
                + "echo $((1700000000000000000 + n * 12034567890))");
    }

    @Test
    void runAutograderWritesResultsWithTheWallTimeItMeasuredAndNoOtherInterpreter(@TempDir Path dir)
            throws Exception {
        Path home = autograder(dir);
        Map<String, String> fakes = new java.util.HashMap<>(noInterpreters(dir));
        fakes.putAll(steppingClock(dir));
        Path fakeBin = fakes(dir, fakes);

        Run run = bash(home.resolve("source/run_autograder"), home, fakeBin);

        assertEquals(0, run.status(), run.output());
        assertFalse(Files.exists(dir.resolve("interpreters.log")), "an interpreter was called");
        JsonNode results = new ObjectMapper().readTree(home.resolve("results/results.json").toFile());
        assertEquals(0.0, results.get("score").asDouble());
        assertTrue(results.get("output").asText().contains("does not compile"), results.get("output").asText());
        // The grading's wall time as the script read it around the grader (milliseconds zero-padded).
        assertEquals("12.034", results.get("execution_time").asText());
    }

    @Test
    void whenTheGraderItselfFailsTheResultsSayWhyAsValidJsonWithoutAnInterpreter(@TempDir Path dir)
            throws Exception {
        Path home = autograder(dir);
        Map<String, String> fakes = new java.util.HashMap<>(noInterpreters(dir));
        // A java that fails with a log full of what JSON must escape.
        fakes.put("java", "printf 'broken \"jar\" \\\\ path\\ttab\\001bell\\r\\n\\377\\376 bad bytes\\nlast line\\n'; exit 3");
        Path fakeBin = fakes(dir, fakes);

        Run run = bash(home.resolve("source/run_autograder"), home, fakeBin);

        assertEquals(0, run.status(), run.output());
        assertFalse(Files.exists(dir.resolve("interpreters.log")), "an interpreter was called");
        JsonNode results = new ObjectMapper().readTree(home.resolve("results/results.json").toFile());
        assertEquals(0.0, results.get("score").asDouble());
        assertEquals(List.of(), List.copyOf(new ObjectMapper().convertValue(results.get("tests"), List.class)));
        String output = results.get("output").asText();
        assertTrue(output.startsWith("The autograder could not grade this submission"), output);
        assertTrue(output.contains("broken \"jar\" \\ path\ttab"), output);
        assertTrue(output.contains("last line"), output);
    }
}
