package kata.grader.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * The student's sources for one exercise.
 *
 * @param slug       the exercise
 * @param sourceRoot {@code <submission>/<slug>/src/main/java}
 * @param files      every .java file under it, sorted
 */
public record ExerciseSources(String slug, Path sourceRoot, List<Path> files) {

    public ExerciseSources {
        files = List.copyOf(files);
    }
}
