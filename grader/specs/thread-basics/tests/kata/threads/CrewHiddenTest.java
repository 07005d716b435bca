package kata.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.threads.Gate;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: one deadline shared by all threads, a deadline of zero, reporting only the
 * threads still alive, and leaving nothing running.
 */
class CrewHiddenTest {

    private static final Duration BOUND = CrewTest.BOUND;

    @Test
    @DisplayName("20 running threads: awaitAll(500 ms) returns after 500 ms in all, not 500 ms per thread")
    @Graded(id = "one-deadline-for-all", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void oneDeadlineForAllThreads() throws Exception {
        // A crew that gives each thread the whole deadline needs at least 20 x 500 ms = 10 s, twice
        // the bound; a correct one returns after 500 ms, a tenth of it.
        Gate gate = Gate.closed();
        Boss<CrewTest.Launched> boss = Boss.start(() -> CrewTest.awaitHeldJobs(gate, 20, CrewTest.DEADLINE));
        try {
            CrewTest.Launched launched = boss.result(BOUND,
                    () -> CrewFeedback.perThreadDeadline(20, CrewTest.DEADLINE, BOUND));

            assertEquals(launched.names(), launched.alive(), () -> CrewFeedback.wrongAlive(
                    "At the deadline all 20 jobs were still running", launched.names(), launched.alive()));
        } finally {
            gate.open();
            boss.end();
        }
    }

    @Test
    @DisplayName("awaitAll(0 ms) does not wait: it reports the running threads at once")
    @Graded(id = "zero-deadline", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void zeroDeadlineDoesNotWait() throws Exception {
        Gate gate = Gate.closed();
        Boss<CrewTest.Launched> boss = Boss.start(() -> CrewTest.awaitHeldJobs(gate, 3, Duration.ZERO));
        try {
            CrewTest.Launched launched = boss.result(BOUND, () -> CrewFeedback.zeroDeadline(3, BOUND));

            assertEquals(launched.names(), launched.alive(), () -> CrewFeedback.wrongAlive(
                    "With a deadline of 0 ms and three jobs running", launched.names(), launched.alive()));
        } finally {
            gate.open();
            boss.end();
        }
    }

    /** The threads still running when awaitAll was called, and what it reported. */
    private record Report(List<String> running, List<String> reported) {
    }

    @Test
    @DisplayName("awaitAll reports only the threads still alive, not the ones that finished")
    @Graded(id = "reports-only-alive", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void reportsOnlyTheLiving() throws Exception {
        Gate gate = Gate.closed();
        Boss<Report> boss = Boss.start(() -> {
            Crew crew = new Crew();
            Thread quick1 = crew.launch(new Job("quick-1", () -> { }));
            Thread slow1 = crew.launchSubclassed(new Job("slow-1", gate::pass));
            Thread quick2 = crew.launchSubclassed(new Job("quick-2", () -> { }));
            Thread slow2 = crew.launch(new Job("slow-2", gate::pass));
            // The quick ones have certainly finished before awaitAll is called; the slow ones are held.
            CrewTest.joinAll(List.of(quick1, quick2));
            List<String> alive = crew.awaitAll(Duration.ofMillis(300));
            return new Report(List.of(slow1.getName(), slow2.getName()), alive);
        });
        try {
            Report report = boss.result(BOUND, () -> CrewFeedback.missedDeadline(2, Duration.ofMillis(300), BOUND));

            assertEquals(report.running(), report.reported(),
                    () -> CrewFeedback.reportedFinished(report.running(), report.reported()));
        } finally {
            gate.open();
            boss.end();
        }
    }

    @Test
    @DisplayName("Once every job has finished, no thread started by the crew is left running")
    @Graded(id = "leaves-nothing-running", points = 1, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void leavesNothingRunning() throws Exception {
        Set<Thread> before = Threads.alive();
        Boss<List<String>> boss = Boss.start(() -> {
            Crew crew = new Crew();
            CrewTest.launchBoth(crew, "job", 3, () -> { });
            return crew.awaitAll(BOUND);
        });
        List<String> alive;
        try {
            // Generous: returning late is the target of waits-for-the-end, not of this check.
            Duration generous = BOUND.multipliedBy(3);
            alive = boss.result(generous, () -> CrewFeedback.notBackAfterFinish(BOUND, generous));
        } finally {
            boss.end();
        }
        assertEquals(List.of(), alive, () -> CrewFeedback.wrongAlive("All three jobs had finished", List.of(),
                alive));

        boolean allEnded = Eventually.holds(BOUND, () -> Threads.startedSince(before).isEmpty());

        if (!allEnded) {
            fail(CrewFeedback.leftRunning(Threads.names(Threads.startedSince(before)), BOUND));
        }
    }
}
