package kata.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs only where the host lets the grader make control groups (as root here and in CI). */
class ControlGroupsTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static int run(ControlGroups groups, List<String> command) throws Exception {
        Process process = new ProcessBuilder(groups.wrap(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended");
        return process.exitValue();
    }

    @Test
    void aJvmThatTouchesMoreMemoryThanItsGroupAllowsIsStoppedAndTheGroupSaysSo() throws Exception {
        Optional<ControlGroups> groups = ControlGroups.create(64L * 1024 * 1024);
        assumeTrue(groups.isPresent(), "this host gives the grader no control groups");
        try {
            // A heap of 256 MB touched at start-up: four times what the group allows.
            int exit = run(groups.get(), List.of(JAVA, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-version"));

            assertNotEquals(0, exit);
            assertTrue(groups.get().memoryLimitHit(), "the memory group counted the kill");
        } finally {
            groups.get().remove();
        }
    }

    @Test
    void aJvmWithinItsLimitsRunsAndNothingIsCounted() throws Exception {
        Optional<ControlGroups> groups = ControlGroups.create(ControlGroups.memoryFor(64));
        assumeTrue(groups.isPresent(), "this host gives the grader no control groups");
        try {
            assertEquals(0, run(groups.get(), List.of(JAVA, "-Xmx64m", "-version")));
            assertFalse(groups.get().memoryLimitHit());
        } finally {
            groups.get().remove();
        }
    }
}
