package kata.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kata.grader.Fixtures;
import kata.grader.files.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled checks are reused across grader runs, and never when a source changed. */
class BundleCacheTest {

    @Test
    void anUnchangedExerciseReusesItsCompiledChecksAndAnEditedOneIsCompiledAgain(@TempDir Path dir)
            throws IOException {
        Path course = dir.resolve("course");
        FileTree.copyTree(Fixtures.resource("fixture-course"), course);

        TestBundle first = bundle(course);
        TestBundle again = bundle(course);
        Path hidden = course.resolve("grader/specs/probe/tests/probe/ProbeHiddenTest.java");
        Files.writeString(hidden, Files.readString(hidden).replace("answer() twice gives the same",
                "answer() is stable"));
        TestBundle edited = bundle(course);

        assertEquals(first.testClasses(), again.testClasses(), "same sources, same cache entry");
        assertNotEquals(first.testClasses(), edited.testClasses(), "an edited test is compiled again");
        assertEquals("answer() is stable", edited.checks().get(3).name());
    }

    private static TestBundle bundle(Path course) {
        Course loaded = Course.load(course, TestRuntime.shipped());
        return loaded.bundle(loaded.find("probe").orElseThrow());
    }
}
