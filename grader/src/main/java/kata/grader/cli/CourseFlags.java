package kata.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import picocli.CommandLine.Option;

/** Where the course comes from: the one shipped in the grader, or a course repository. */
final class CourseFlags {

    @Option(names = "--course", paramLabel = "<dir>",
            description = "Use the course in this repository (its exercises/ and grader/specs/) instead"
                    + " of the one built into the grader; for authors editing checks.")
    Path root;

    Course course() {
        if (root == null) {
            return Course.shipped();
        }
        if (!Files.isDirectory(root.resolve("grader/specs"))) {
            throw new IllegalArgumentException("not a course repository (no grader/specs): " + root);
        }
        return Course.load(root, TestRuntime.shipped());
    }
}
