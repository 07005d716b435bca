package kata.grader.course;

import java.nio.file.Path;
import java.util.List;

/**
 * One kata as the grader knows it.
 *
 * @param slug      folder name, e.g. {@code fix-the-race}
 * @param title     human title
 * @param order     position in the course (learning order)
 * @param limits    test JVM limits
 * @param publicDir {@code exercises/<slug>}: stub, public tests, README
 * @param specDir   {@code grader/specs/<slug>}: exercise.json and hidden tests and rules
 * @param providedFiles stub files (relative to src/main/java) that the grader always compiles in
 *                      its own version, whatever the submission holds
 * @param instrumented  whether the kata agent adds scheduling points to the student's classes;
 *                      false for katas whose bugs those points would hide (memory visibility)
 * @param allow         names of what the student's code may use beyond the safety rules'
 *                      defaults ({@code "sockets"} for an echo server), see kata.grader.sandbox
 */
public record Exercise(String slug, String title, int order, Limits limits, Path publicDir, Path specDir,
                       List<String> providedFiles, boolean instrumented, List<String> allow) {

    public Exercise {
        providedFiles = List.copyOf(providedFiles);
        allow = List.copyOf(allow);
    }

    public Path stubSources() {
        return publicDir.resolve("src/main/java");
    }

    public Path publicTestSources() {
        return publicDir.resolve("src/test/java");
    }

    public Path hiddenTestSources() {
        return specDir.resolve("tests");
    }
}
